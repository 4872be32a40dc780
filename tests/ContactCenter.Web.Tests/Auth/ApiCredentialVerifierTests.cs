using ContactCenter.Core.Domain;
using ContactCenter.Web.Auth;
using ContactCenter.Web.Protection;
using Microsoft.Extensions.Caching.Memory;

namespace ContactCenter.Web.Tests.Auth;

/// <summary>
/// The cost of a Basic-auth check must not depend on whether the username exists, nor on whether the right secret is
/// remembered; only a repeated right secret is cheap. Counted in PBKDF2 runs, not in time.
/// </summary>
public sealed class ApiCredentialVerifierTests : IDisposable
{
    private const string Secret = "right-secret";
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly ApiCredential _credential = new("c1", "acc", "user", ApiSecretHasher.Hash(Secret, iterations: 1_000), DateTimeOffset.UtcNow);
    private readonly List<string> _pbkdf2Hashes = [];
    private readonly ApiCredentialVerifier _verifier;

    public ApiCredentialVerifierTests()
    {
        _verifier = new ApiCredentialVerifier(_cache, new LimitsOptions { AuthFailuresPerAddressPerMinute = 1000 }, (secret, hash) =>
        {
            _pbkdf2Hashes.Add(hash);
            return ApiSecretHasher.Verify(secret, hash);
        });
    }

    public void Dispose()
    {
        _verifier.Dispose();
        _cache.Dispose();
    }

    [Fact]
    public void Verify_UnknownUsername_RunsPbkdf2OnADummyHashOfTheSameCost()
    {
        var check = _verifier.Verify(null, "ghost", "whatever", "1.2.3.4", out _);

        Assert.Equal(CredentialCheck.Invalid, check);
        var hash = Assert.Single(_pbkdf2Hashes);
        Assert.StartsWith($"pbkdf2-sha256${ApiSecretHasher.DefaultIterations}$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RightSecretTwice_RunsPbkdf2Once()
    {
        Assert.Equal(CredentialCheck.Valid, _verifier.Verify(_credential, "user", Secret, "1.2.3.4", out _));
        Assert.Equal(CredentialCheck.Valid, _verifier.Verify(_credential, "user", Secret, "1.2.3.4", out _));

        Assert.Single(_pbkdf2Hashes);
    }

    [Fact]
    public void Verify_WrongSecretWhileTheRightOneIsRemembered_StillRunsPbkdf2()
    {
        _verifier.Verify(_credential, "user", Secret, "1.2.3.4", out _);

        var check = _verifier.Verify(_credential, "user", "wrong", "1.2.3.4", out _);

        Assert.Equal(CredentialCheck.Invalid, check);
        Assert.Equal(2, _pbkdf2Hashes.Count);
    }

    [Fact]
    public void Verify_RevokedAfterBeingRemembered_IsRefused()
    {
        _verifier.Verify(_credential, "user", Secret, "1.2.3.4", out _);
        _credential.Revoke(DateTimeOffset.UtcNow);

        Assert.Equal(CredentialCheck.Invalid, _verifier.Verify(_credential, "user", Secret, "1.2.3.4", out _));
    }

    [Fact]
    public void Verify_TooManyFailuresForOneUsername_ThrottledWithoutPbkdf2()
    {
        for (var i = 0; i < new LimitsOptions().AuthFailuresPerCredentialPerMinute; i++)
        {
            Assert.Equal(CredentialCheck.Invalid, _verifier.Verify(_credential, "user", "wrong" + i, "10.0.0." + i, out _));
        }

        var runs = _pbkdf2Hashes.Count;
        var check = _verifier.Verify(_credential, "user", "wrong-again", "10.0.1.1", out var retryAfter);

        Assert.Equal(CredentialCheck.Throttled, check);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(runs, _pbkdf2Hashes.Count);
    }
}
