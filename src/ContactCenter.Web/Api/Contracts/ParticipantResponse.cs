using ContactCenter.Core.Domain;
using ContactCenter.Core.Rules;

namespace ContactCenter.Web.Api.Contracts;

/// <summary>Bandwidth's Participant: <c>sessions</c> lists the one session it is in, if any.</summary>
public sealed record ParticipantResponse(
    string Id,
    string? CallbackUrl,
    IReadOnlyList<string> PublishPermissions,
    IReadOnlyList<string> Sessions,
    SubscriptionsDto? Subscriptions,
    string? Tag,
    string DeviceApiVersion)
{
    public static ParticipantResponse From(Participant participant) => new(
        participant.Id,
        participant.CallbackUrl,
        participant.PublishPermissions.Select(CallRules.ToWireName).ToList(),
        participant.SessionId is null ? [] : [participant.SessionId],
        participant.Subscriptions.IsEmpty ? null : SubscriptionsDto.From(participant.Subscriptions),
        participant.Tag,
        participant.DeviceApiVersion);
}
