using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using ContactCenter.Data;
using ContactCenter.Web.Api;
using ContactCenter.Web.Protection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Auth;

/// <summary>
/// HTTP Basic authentication against the API credentials: the username finds the credential, and
/// <see cref="ApiCredentialVerifier"/> checks the secret (same cost for unknown usernames, successful checks
/// remembered briefly, failures rate-limited per username and per address). The credential row is read on every
/// request, so a revoked credential stops working at once.
/// </summary>
internal sealed partial class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private const string ThrottledKey = "cc.auth.retryAfter";

    private readonly ContactCenterDbContext _db;
    private readonly ApiCredentialVerifier _verifier;

    public BasicAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        ContactCenterDbContext db,
        ApiCredentialVerifier verifier)
        : base(options, logger, encoder)
    {
        _db = db;
        _verifier = verifier;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !header.Scheme.Equals(ApiAuthDefaults.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!TryDecode(header.Parameter, out var username, out var secret))
        {
            return AuthenticateResult.Fail("The Basic credentials are not base64 of username:password.");
        }

        var credential = await _db.ApiCredentials.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Username == username, Context.RequestAborted);
        var check = _verifier.Verify(credential, username, secret, ClientAddress.Of(Context), out var retryAfter);
        if (check == CredentialCheck.Throttled)
        {
            Context.Items[ThrottledKey] = retryAfter;
            Log.CredentialThrottled(Logger, username);
            return AuthenticateResult.Fail("Too many failed attempts.");
        }

        if (check != CredentialCheck.Valid || credential is null)
        {
            Log.CredentialRefused(Logger, username);
            return AuthenticateResult.Fail("Invalid username or password.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, credential.Username),
                new Claim(ApiAuthDefaults.CredentialClaim, credential.Id),
                new Claim(ApiAuthDefaults.AccountClaim, credential.AccountId),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.TryGetValue(ThrottledKey, out var value) && value is int retryAfter)
        {
            return TooManyRequests.WriteAsync(Context, RateLimitNames.AuthFailures, retryAfter,
                TooManyRequests.Describe(RateLimitNames.AuthFailures, retryAfter));
        }

        Response.Headers.WWWAuthenticate = $"Basic realm=\"{ApiAuthDefaults.Realm}\", charset=\"UTF-8\"";
        var message = Request.Headers.Authorization.Count == 0
            ? "Authentication required: send HTTP Basic credentials of an API credential of this account."
            : "Invalid credentials.";
        return ApiErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, StatusCodes.Status403Forbidden, "These credentials have no access to this account.");

    private static bool TryDecode(string? parameter, out string username, out string secret)
    {
        username = secret = string.Empty;
        if (string.IsNullOrEmpty(parameter))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        username = decoded[..colon];
        secret = decoded[(colon + 1)..];
        return secret.Length > 0;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "API credentials refused for username {Username}")]
        public static partial void CredentialRefused(ILogger logger, string username);

        [LoggerMessage(2, LogLevel.Information, "API credentials for username {Username} not checked: too many recent failures")]
        public static partial void CredentialThrottled(ILogger logger, string username);
    }
}
