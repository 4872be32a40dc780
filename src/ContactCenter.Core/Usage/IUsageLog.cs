namespace ContactCenter.Core.Usage;

/// <summary>Where participant joins and leaves are recorded for the usage report.</summary>
public interface IUsageLog
{
    Task RecordJoinAsync(UsageRecord record, CancellationToken ct = default);

    /// <summary>Closes the open stay of <paramref name="participantId"/>; nothing when it has none.</summary>
    Task RecordLeaveAsync(string participantId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>The stays that overlap [<paramref name="from"/>, <paramref name="to"/>), open ones included.</summary>
    Task<IReadOnlyList<UsageRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
}
