using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Media.Ice;

/// <summary>
/// ICE username fragment and password (RFC 8445 §5.3; RFC 8839 §5.4: ufrag ≥ 4 and pwd ≥ 22 ice-chars).
/// The password is the MESSAGE-INTEGRITY key of checks sent to us.
/// </summary>
public sealed class IceCredentials
{
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IceCredentials(string ufrag, string password)
    {
        Ufrag = ufrag;
        Password = password;
        PasswordBytes = Encoding.UTF8.GetBytes(password);
    }

    public string Ufrag { get; }

    public string Password { get; }

    /// <summary>UTF-8 password: the short-term credential key (RFC 5389 §15.4).</summary>
    public byte[] PasswordBytes { get; }

    /// <summary>A fresh random ufrag (8 chars, 48 bits) and password (24 chars, 144 bits).</summary>
    public static IceCredentials Generate() => new(RandomString(8), RandomString(24));

    private static string RandomString(int length) =>
        RandomNumberGenerator.GetString(IceChars, length);
}
