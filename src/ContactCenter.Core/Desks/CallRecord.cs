namespace ContactCenter.Core.Desks;

/// <summary>
/// One call as the history keeps it after it ended (or while it is live, for the supervisor's list): who called,
/// when it waited, was answered and ended, its agents, and the wrap-up the agent wrote (code, label, note, by whom).
/// </summary>
public sealed record CallRecord(
    string CallId,
    string CustomerName,
    string CustomerTag,
    string? CallerKey,
    DateTimeOffset WaitingSince,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> AgentNames,
    string? DispositionCodeId = null,
    string? DispositionLabel = null,
    string? DispositionNote = null,
    string? DispositionBy = null,
    DateTimeOffset? DispositionAt = null)
{
    /// <summary>The caller hung up (or was dropped) before any agent answered.</summary>
    public bool IsAbandoned => EndedAt is not null && ConnectedAt is null;

    public bool HasDisposition => DispositionAt is not null;
}
