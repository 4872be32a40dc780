namespace ContactCenter.Web.Api.Contracts;

/// <summary>The created participant and the token its device connects with.</summary>
public sealed record CreateParticipantResponse(ParticipantResponse Participant, string Token);
