namespace ContactCenter.Web.Ui.Admin;

public sealed record CredentialRow(string Id, string Username, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
