namespace ContactCenter.Core.Usage;

/// <summary>The default usage log: in memory, lost on restart. The host registers a persistent one.</summary>
internal sealed class InMemoryUsageLog : IUsageLog
{
    private readonly List<UsageRecord> _records = [];

    public Task RecordJoinAsync(UsageRecord record, CancellationToken ct = default)
    {
        lock (_records)
        {
            _records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task RecordLeaveAsync(string participantId, DateTimeOffset at, CancellationToken ct = default)
    {
        lock (_records)
        {
            foreach (var record in _records)
            {
                if (record.ParticipantId == participantId && record.LeftAt is null)
                {
                    record.Leave(at);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UsageRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        lock (_records)
        {
            IReadOnlyList<UsageRecord> list = _records.Where(r => r.JoinedAt < to && (r.LeftAt is null || r.LeftAt > from)).ToList();
            return Task.FromResult(list);
        }
    }
}
