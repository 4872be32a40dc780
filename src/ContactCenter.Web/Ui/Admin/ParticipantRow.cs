namespace ContactCenter.Web.Ui.Admin;

public sealed record ParticipantRow(string Id, string? Tag, DateTimeOffset? JoinedAt, string Permissions);
