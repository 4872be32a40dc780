namespace ContactCenter.Core.Desks;

/// <summary>
/// What the desks keep besides the live call center: the disposition codes, each call's wrap-up, the settings the
/// admin changes in the page, and the call history the desks read (the database's Calls table).
/// </summary>
public interface IDeskStore
{
    Task<IReadOnlyList<DispositionCode>> GetCodesAsync(CancellationToken ct = default);

    /// <summary>Inserts or replaces a code (by id).</summary>
    Task SaveCodeAsync(DispositionCode code, CancellationToken ct = default);

    Task<DeskSettings> GetSettingsAsync(CancellationToken ct = default);

    Task SaveSettingsAsync(DeskSettings settings, CancellationToken ct = default);

    /// <summary>The last ended call the agent took part in as an agent, or null.</summary>
    Task<CallRecord?> FindLastCallOfAgentAsync(string agentUserId, CancellationToken ct = default);

    /// <summary>Stores the wrap-up on an ended call. False when the call is unknown or already has one.</summary>
    Task<bool> SaveDispositionAsync(string callId, string? codeId, string note, string byName, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>The caller's ended calls, newest first, at most <paramref name="limit"/>, without <paramref name="exceptCallId"/>.</summary>
    Task<IReadOnlyList<CallRecord>> GetCallerHistoryAsync(string callerKey, string? exceptCallId, int limit, CancellationToken ct = default);

    /// <summary>The calls that entered the queue at or after <paramref name="since"/> (live and ended), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<CallRecord>> GetCallsSinceAsync(DateTimeOffset since, int limit, CancellationToken ct = default);
}
