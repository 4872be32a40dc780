namespace ContactCenter.Core.CallModes;

/// <summary>One member of a call and the role it plays in it.</summary>
public readonly record struct RosterEntry(string ParticipantId, CallRole Role);
