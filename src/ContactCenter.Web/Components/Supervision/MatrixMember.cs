namespace ContactCenter.Web.Components.Supervision;

/// <summary>A row/column of the who-hears-whom matrix: a participant, its label and its role in the call.</summary>
public sealed record MatrixMember(string ParticipantId, string Label, string Role);
