using ContactCenter.Core.Domain;

namespace ContactCenter.Web.Api.Contracts;

/// <summary>
/// Bandwidth's Subscriptions: <c>sessionId</c> alone means every member of the session; a non-empty
/// <c>participants</c> list names whom to receive, and empty <c>streamAliases</c> mean all of that one's streams.
/// </summary>
public sealed record SubscriptionsDto(string? SessionId = null, IReadOnlyList<ParticipantSubscriptionDto?>? Participants = null)
{
    public static SubscriptionsDto From(Subscriptions subscriptions) => new(
        subscriptions.SessionId,
        subscriptions.Participants.Select(p => (ParticipantSubscriptionDto?)new ParticipantSubscriptionDto(p.ParticipantId, p.StreamAliases)).ToList());

    /// <summary>The domain form; null entries and ids are passed on for the domain rules to name in their error.</summary>
    public Subscriptions ToDomain() => new(
        SessionId,
        (Participants ?? []).Select(p => p is null ? null! : new ParticipantSubscription(p.ParticipantId!, p.StreamAliases ?? [])).ToList());
}
