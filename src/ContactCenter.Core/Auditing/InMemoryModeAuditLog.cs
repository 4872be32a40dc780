namespace ContactCenter.Core.Auditing;

/// <summary>
/// The default audit log: the most recent <see cref="Capacity"/> entries in memory, so a long-running host without
/// a persistent log does not grow without bound. Lost on restart; register a persistent <see cref="IModeAuditLog"/> for more.
/// </summary>
internal sealed class InMemoryModeAuditLog : IModeAuditLog
{
    public const int Capacity = 10_000;

    private readonly Queue<ModeChangeAudit> _entries = new();

    public Task RecordAsync(ModeChangeAudit entry, CancellationToken ct = default)
    {
        lock (_entries)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ModeChangeAudit>> ListAsync(string accountId, string sessionId, CancellationToken ct = default)
    {
        lock (_entries)
        {
            IReadOnlyList<ModeChangeAudit> list = _entries.Where(e => e.AccountId == accountId && e.SessionId == sessionId).ToList();
            return Task.FromResult(list);
        }
    }
}
