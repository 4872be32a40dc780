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

    /// <summary>True when this is a session-level subscription: every other member, future members included.</summary>
    public bool IsWholeSession => SessionId is not null && Participants.Count == 0;

    /// <summary>Whether any entry names <paramref name="participantId"/>.</summary>
    public bool Names(string participantId)
    {
        foreach (var entry in Participants)
        {
            if (entry.ParticipantId == participantId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// These subscriptions without the entries that name <paramref name="participantId"/> (it left the session).
    /// Dropping the last named participant yields <see cref="None"/>: an empty list next to a session id
    /// would otherwise widen the subscription to the whole session.
    /// </summary>
    public Subscriptions Without(string participantId)
    {
        if (!Names(participantId))
        {
            return this;
        }

        var rest = Participants.Where(p => p.ParticipantId != participantId).ToList();
        return rest.Count == 0 ? None : this with { Participants = rest };
    }
}

/// <summary>A subscription to one participant; empty <see cref="StreamAliases"/> means all of its streams.</summary>
public sealed record ParticipantSubscription(string ParticipantId, IReadOnlyList<string> StreamAliases)
{
    public ParticipantSubscription(string participantId)
        : this(participantId, [])
    {
    }
}
