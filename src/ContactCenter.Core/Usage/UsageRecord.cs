namespace ContactCenter.Core.Usage;

/// <summary>
/// One participant's stay in one session, the unit of usage billing: from join to leave (open while it lasts).
/// A class with a private constructor so that EF Core can persist it as well as the in-memory log can keep it.
/// </summary>
public sealed class UsageRecord
{
    public UsageRecord(string accountId, string sessionId, string participantId, string? tag, DateTimeOffset joinedAt)
    {
        Id = Guid.NewGuid().ToString("N");
        AccountId = accountId;
        SessionId = sessionId;
        ParticipantId = participantId;
        Tag = string.IsNullOrWhiteSpace(tag) ? UsageReport.UntaggedLabel : tag;
        JoinedAt = joinedAt;
    }

    private UsageRecord()
    {
        Id = null!;
        AccountId = null!;
        SessionId = null!;
        ParticipantId = null!;
        Tag = null!;
    }

    public string Id { get; private set; }

    public string AccountId { get; private set; }

    public string SessionId { get; private set; }

    public string ParticipantId { get; private set; }

    public string Tag { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>Closes the stay; a leave before the join (clock skew) counts as zero time.</summary>
    public void Leave(DateTimeOffset at) => LeftAt ??= at < JoinedAt ? JoinedAt : at;
}
