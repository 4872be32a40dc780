namespace ContactCenter.LoadGen.Ours;

// Our REST and hub contracts as the wire carries them (camelCase JSON); the LoadGen does not reference Web.
internal sealed record CreateParticipantRequest(IReadOnlyList<string> PublishPermissions, string Tag);

internal sealed record ParticipantRef(string Id);

internal sealed record CreateParticipantResponse(ParticipantRef Participant, string Token);

internal sealed record CreateSessionRequest(string Tag);

internal sealed record SessionRef(string Id);

internal sealed record SubscriptionTarget(string ParticipantId);

internal sealed record SubscriptionsBody(string? SessionId, IReadOnlyList<SubscriptionTarget>? Participants);

internal sealed record ModeRequest(string Mode, IReadOnlyList<string> Supervisors, IReadOnlyList<string> Agents, IReadOnlyList<string> Customers);

internal sealed record PublishStreamDto(string Mid, string Alias);

internal sealed record PublishRequest(string Sdp, IReadOnlyList<PublishStreamDto> Streams);

internal sealed record PublishResult(string Sdp);

internal sealed record AnswerRequest(string Sdp, int SdpRevision);

internal sealed record SdpOfferMessage(string Sdp, int SdpRevision);
