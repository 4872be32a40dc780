namespace ContactCenter.Web.Auth;

public static class ApiAuthDefaults
{
    /// <summary>The authentication scheme of REST callers: HTTP Basic with an account's API credential.</summary>
    public const string Scheme = "Basic";

    /// <summary>The policy of <c>/v1/accounts/{accountId}/…</c>: a valid credential of that very account.</summary>
    public const string AccountPolicy = "ApiAccount";

    /// <summary>The claim that names the credential's account.</summary>
    public const string AccountClaim = "acc";

    public const string CredentialClaim = "cred";

    public const string Realm = "ContactCenter";
}
