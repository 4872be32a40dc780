namespace ContactCenter.Core.Domain;

/// <summary>A Bandwidth participant: one endpoint (browser or phone) that joins at most one session.</summary>
public sealed class Participant
{
    public const int MaxTagLength = 50;

    public Participant(
        string id,
        string accountId,
        IReadOnlyCollection<PublishPermission> publishPermissions,
        string? tag,
        string? callbackUrl,
        string deviceApiVersion,
        DateTimeOffset createdAt)
    {
        Id = id;
        AccountId = accountId;
        PublishPermissions = publishPermissions.Distinct().Order().ToList();
        Tag = tag;
        CallbackUrl = callbackUrl;
        DeviceApiVersion = deviceApiVersion;
        CreatedAt = createdAt;
    }

    // EF Core materializes through this (the public constructor's collection parameter cannot be bound to a
    // column) and then sets every mapped property.
    private Participant()
    {
        Id = null!;
        AccountId = null!;
        PublishPermissions = [];
        DeviceApiVersion = null!;
    }

    public string Id { get; private set; }

    public string AccountId { get; private set; }

    public IReadOnlyList<PublishPermission> PublishPermissions { get; private set; }

    public string? Tag { get; private set; }

    public string? CallbackUrl { get; private set; }

    /// <summary>"V2" (the default) or "V3": the device protocol, carried in the token's <c>v</c> claim.</summary>
    public string DeviceApiVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The session this participant is a member of, if any (at most one).</summary>
    public string? SessionId { get; private set; }

    public DateTimeOffset? JoinedAt { get; private set; }

    /// <summary>What this participant receives. <see cref="Domain.Subscriptions.None"/> when nothing.</summary>
    public Subscriptions Subscriptions { get; private set; } = Subscriptions.None;

    public bool CanPublish(PublishPermission kind) => PublishPermissions.Contains(kind);

    public void Join(string sessionId, DateTimeOffset at)
    {
        if (SessionId is not null && SessionId != sessionId)
        {
            throw new InvalidOperationException($"Participant {Id} is already in session {SessionId}.");
        }

        if (SessionId is null)
        {
            JoinedAt = at;
        }

        SessionId = sessionId;
    }

    public void Leave()
    {
        SessionId = null;
        JoinedAt = null;
        Subscriptions = Subscriptions.None;
    }

    public void SetSubscriptions(Subscriptions subscriptions) => Subscriptions = subscriptions;
}
