using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Core.Queue;

/// <summary>Random resume secrets; only their SHA-256 is kept (in memory and in the database).</summary>
internal static class ResumeSecrets
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string? secret, string hash) =>
        !string.IsNullOrEmpty(secret)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
