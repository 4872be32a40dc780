namespace ContactCenter.Web.Auth;

/// <summary>
/// <c>Api:Bootstrap</c>: the account and credential created on the first start with an empty database, so that
/// the API can be tried at once. Change the password (or the whole section) before exposing the server.
/// </summary>
public sealed class ApiBootstrapOptions
{
    public const string SectionName = "Api:Bootstrap";

    /// <summary>Empty: nothing is created.</summary>
    public string? AccountId { get; set; }

    public string? AccountName { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(AccountId) && !string.IsNullOrWhiteSpace(Username) && !string.IsNullOrEmpty(Password);
}
