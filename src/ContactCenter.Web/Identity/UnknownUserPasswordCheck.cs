using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Web.Identity;

/// <summary>
/// Spends on an unknown email the same password-hash work a known one costs, so that the sign-in's answer time
/// does not tell which staff emails exist.
/// </summary>
internal sealed class UnknownUserPasswordCheck
{
    private static readonly IdentityUser s_nobody = new("nobody");
    private readonly IPasswordHasher<IdentityUser> _hasher;
    private readonly Lazy<string> _dummyHash;

    public UnknownUserPasswordCheck(IPasswordHasher<IdentityUser> hasher)
    {
        _hasher = hasher;
        _dummyHash = new Lazy<string>(() => hasher.HashPassword(s_nobody, Guid.NewGuid().ToString("N")));
    }

    public void Spend(string password) => _hasher.VerifyHashedPassword(s_nobody, _dummyHash.Value, password);
}
