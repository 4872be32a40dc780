namespace ContactCenter.Core.Queue;

/// <summary>A staff member of a stored call: the person, the participant standing for them, and their role.</summary>
public sealed record StoredCallMember(string ParticipantId, string UserId, string Name, bool IsSupervisor);
