namespace ContactCenter.Web.Ui.Admin;

public sealed record AccountRow(string Id, string Name, DateTimeOffset CreatedAt, IReadOnlyList<CredentialRow> Credentials);
