using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ContactCenter.Data;
using ContactCenter.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Auth;

/// <summary>
/// HTTP Basic authentication against the API credentials: the username finds the credential, the password is
/// checked against its PBKDF2 hash. A successful check is remembered for a few minutes (keyed by the stored hash,
/// holding only a SHA-256 of the secret) so that a busy client does not pay PBKDF2 on every call; the credential
/// row is still read every time, so a revoked credential stops working at once.
/// </summary>
internal sealed partial class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private static readonly TimeSpan s_verifiedFor = TimeSpan.FromMinutes(5);

    private readonly ContactCenterDbContext _db;
    private readonly IMemoryCache _cache;

    public BasicAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        ContactCenterDbContext db,
        IMemoryCache cache)
        : base(options, logger, encoder)
    {
        _db = db;
        _cache = cache;
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
        if (credential is null || !credential.IsActive || !Verify(credential.Id, credential.SecretHash, secret))
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
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{ApiAuthDefaults.Realm}\", charset=\"UTF-8\"";
        var message = Request.Headers.Authorization.Count == 0
            ? "Authentication required: send HTTP Basic credentials of an API credential of this account."
            : "Invalid credentials.";
        return ApiErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, StatusCodes.Status403Forbidden, "These credentials have no access to this account.");

    private bool Verify(string credentialId, string storedHash, string secret)
    {
        var key = (nameof(BasicAuthenticationHandler), credentialId, storedHash);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (_cache.TryGetValue(key, out byte[]? known) && known is not null)
        {
            return CryptographicOperations.FixedTimeEquals(known, digest);
        }

        if (!ApiSecretHasher.Verify(secret, storedHash))
        {
            return false;
        }

        _cache.Set(key, digest, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = s_verifiedFor, Size = 1 });
        return true;
    }

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
    }
}
