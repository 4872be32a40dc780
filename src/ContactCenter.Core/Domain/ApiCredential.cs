namespace ContactCenter.Core.Domain;

/// <summary>An HTTP Basic credential of an account. Only a hash of the secret is kept.</summary>
public sealed class ApiCredential
{
    public ApiCredential(string id, string accountId, string username, string secretHash, DateTimeOffset createdAt)
    {
        Id = id;
        AccountId = accountId;
        Username = username;
        SecretHash = secretHash;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }

    public string AccountId { get; private set; }

    public string Username { get; private set; }

    public string SecretHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
