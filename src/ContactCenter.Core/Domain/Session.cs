namespace ContactCenter.Core.Domain;

/// <summary>A Bandwidth session: a room whose members exchange media as their subscriptions say.</summary>
public sealed class Session
{
    public const int MaxMembers = 20;

    public Session(string id, string accountId, string? tag, DateTimeOffset createdAt)
    {
        Id = id;
        AccountId = accountId;
        Tag = tag;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }

    public string AccountId { get; private set; }

    public string? Tag { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The call mode last applied through the mode endpoint, or null when none was.</summary>
    public CallModes.CallMode? Mode { get; private set; }

    public void SetMode(CallModes.CallMode mode) => Mode = mode;
}
