using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Domain;
using ContactCenter.Web.Protection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Auth;

/// <summary>
/// Checks a Basic-auth secret against a credential so that the answer's cost tells nothing and guessing cannot fill
/// the cores:
/// <list type="bullet">
/// <item>an unknown username or a revoked credential is checked against a dummy PBKDF2 hash of the same cost, and a
/// wrong password always costs one PBKDF2, even when the right one is remembered;</item>
/// <item>a successful check is remembered for <see cref="LimitsOptions.VerifiedCredentialSeconds"/> as an HMAC of the
/// secret under a key that lives only in this process, keyed by the stored hash (a new secret is a new key), so a
/// busy client does not pay PBKDF2 on every call; the caller still reads the credential row on every request, so a
/// revoked credential stops at once;</item>
/// <item>failures are counted per username and per client address; over the limit, checks that would need PBKDF2
/// are refused (429) without running it.</item>
/// </list>
/// </summary>
public sealed class ApiCredentialVerifier : IDisposable
{
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly string _dummyHash = ApiSecretHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    private readonly IMemoryCache _cache;
    private readonly TimeSpan _verifiedFor;
    private readonly KeyedWindowLimiter _failuresByCredential;
    private readonly KeyedWindowLimiter _failuresByAddress;
    private readonly Func<string, string, bool> _slowVerify;

    public ApiCredentialVerifier(IMemoryCache cache, IOptions<LimitsOptions> options)
        : this(cache, options.Value, ApiSecretHasher.Verify)
    {
    }

    /// <summary><paramref name="slowVerify"/> is the PBKDF2 check (replaceable so that tests can count its calls).</summary>
    internal ApiCredentialVerifier(IMemoryCache cache, LimitsOptions options, Func<string, string, bool> slowVerify)
    {
        _cache = cache;
        _slowVerify = slowVerify;
        _verifiedFor = TimeSpan.FromSeconds(options.VerifiedCredentialSeconds);
        _failuresByCredential = new KeyedWindowLimiter(options.AuthFailuresPerCredentialPerMinute, TimeSpan.FromMinutes(1));
        _failuresByAddress = new KeyedWindowLimiter(options.AuthFailuresPerAddressPerMinute, TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// Checks <paramref name="secret"/> for <paramref name="username"/>, whose credential is <paramref name="credential"/>
    /// (null when none has that username). <paramref name="retryAfterSeconds"/> is set for <see cref="CredentialCheck.Throttled"/>.
    /// </summary>
    public CredentialCheck Verify(ApiCredential? credential, string username, string secret, string address, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        var usable = credential is { IsActive: true };
        var digest = HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes(secret));
        var key = usable ? (nameof(ApiCredentialVerifier), credential!.Id, credential.SecretHash) : default;
        if (usable && _verifiedFor > TimeSpan.Zero
            && _cache.TryGetValue(key, out byte[]? known) && known is not null
            && CryptographicOperations.FixedTimeEquals(known, digest))
        {
            return CredentialCheck.Valid;
        }

        if (!_failuresByAddress.HasPermit(address, out retryAfterSeconds)
            || !_failuresByCredential.HasPermit(username, out retryAfterSeconds))
        {
            return CredentialCheck.Throttled;
        }

        // The same PBKDF2 for every miss: whether the username exists must not show in the time taken.
        var matches = _slowVerify(secret, usable ? credential!.SecretHash : _dummyHash) && usable;
        if (matches)
        {
            if (_verifiedFor > TimeSpan.Zero)
            {
                _cache.Set(key, digest, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _verifiedFor, Size = 1 });
            }

            return CredentialCheck.Valid;
        }

        _failuresByAddress.TryAcquire(address, out _);
        _failuresByCredential.TryAcquire(username, out _);
        return CredentialCheck.Invalid;
    }

    public void Dispose()
    {
        _failuresByCredential.Dispose();
        _failuresByAddress.Dispose();
    }
}
