namespace ContactCenter.Web.Auth;

/// <summary>The outcome of <see cref="ApiCredentialVerifier.Verify"/>.</summary>
public enum CredentialCheck
{
    Valid,
    Invalid,

    /// <summary>Too many recent failures for this username or address: refused without checking.</summary>
    Throttled,
}
