namespace ContactCenter.Core.Auditing;

/// <summary>Where mode changes are recorded. Core registers an in-memory default; a persistent one replaces it.</summary>
public interface IModeAuditLog
{
    Task RecordAsync(ModeChangeAudit entry, CancellationToken ct = default);

    /// <summary>The recorded changes of one session, oldest first.</summary>
    Task<IReadOnlyList<ModeChangeAudit>> ListAsync(string accountId, string sessionId, CancellationToken ct = default);
}
