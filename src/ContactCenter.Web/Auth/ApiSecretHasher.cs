using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Web.Auth;

/// <summary>
/// Hashes API credential secrets with PBKDF2-HMAC-SHA256 and a random salt per secret. Stored form:
/// <c>pbkdf2-sha256${iterations}${salt b64}${hash b64}</c>, so the cost can be raised later without breaking old hashes.
/// </summary>
public static class ApiSecretHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>
    /// Each REST call verifies once (then <see cref="BasicAuthenticationHandler"/> caches the result briefly), so the
    /// count trades a few milliseconds per fresh credential check against guessing speed on a stolen database.
    /// </summary>
    public const int DefaultIterations = 100_000;

    public static string Hash(string secret, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Constant-time comparison; false for a malformed stored hash.</summary>
    public static bool Verify(string secret, string storedHash)
    {
        var parts = storedHash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt;
        byte[] expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
