namespace ContactCenter.Core.Usage;

/// <summary>Participant-minutes of one tag on one UTC day, and how many participants contributed.</summary>
public sealed record UsageRow(DateOnly Day, string Tag, double ParticipantMinutes, int Participants);
