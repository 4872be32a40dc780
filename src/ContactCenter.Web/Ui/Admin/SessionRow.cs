namespace ContactCenter.Web.Ui.Admin;

public sealed record SessionRow(string Id, string AccountId, string? Tag, DateTimeOffset CreatedAt, string? Mode, IReadOnlyList<ParticipantRow> Participants);
