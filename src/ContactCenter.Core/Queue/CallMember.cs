namespace ContactCenter.Core.Queue;

/// <summary>A staff member in a call: the signed-in user and the participant that stands for them in the session.</summary>
public sealed record CallMember(string UserId, string Name, string ParticipantId);
