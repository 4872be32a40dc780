namespace ContactCenter.Core.Domain;

/// <summary>
/// What one participant receives (Bandwidth's Subscriptions object).
/// <see cref="SessionId"/> alone means every member of the session, future members included;
/// a non-empty <see cref="Participants"/> overrides it.
/// </summary>
public sealed record Subscriptions(string? SessionId, IReadOnlyList<ParticipantSubscription> Participants)
{
    public static Subscriptions None { get; } = new(null, []);

    public static Subscriptions WholeSession(string sessionId) => new(sessionId, []);

    public bool IsEmpty => SessionId is null && Participants.Count == 0;
}

/// <summary>A subscription to one participant; empty <see cref="StreamAliases"/> means all of its streams.</summary>
public sealed record ParticipantSubscription(string ParticipantId, IReadOnlyList<string> StreamAliases)
{
    public ParticipantSubscription(string participantId)
        : this(participantId, [])
    {
    }
}
