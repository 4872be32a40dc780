namespace ContactCenter.Web.Api.Contracts;

public sealed record ParticipantSubscriptionDto(string? ParticipantId, IReadOnlyList<string>? StreamAliases = null);
