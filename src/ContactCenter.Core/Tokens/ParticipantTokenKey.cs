using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ContactCenter.Core.Tokens;

/// <summary>The HMAC-SHA256 key that signs participant tokens, from the settings or from a file it creates once.</summary>
public sealed class ParticipantTokenKey
{
    public const int MinimumKeyBytes = 32;

    private const int GeneratedKeyBytes = 64;

    private ParticipantTokenKey(byte[] key, string source)
    {
        SecurityKey = new SymmetricSecurityKey(key);
        Source = source;
    }

    public SymmetricSecurityKey SecurityKey { get; }

    /// <summary>Where the key came from ("settings", or the file path), for the start-up log.</summary>
    public string Source { get; }

    public bool WasGenerated { get; private init; }

    public static ParticipantTokenKey FromBytes(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A token signing key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        return new ParticipantTokenKey(key, "bytes");
    }

    /// <summary>
    /// <paramref name="configuredKey"/> when set (base64 of ≥ 32 bytes, else its UTF-8 bytes when ≥ 32);
    /// otherwise the key in <paramref name="keyFile"/>, generated and written there with owner-only access if missing.
    /// </summary>
    public static ParticipantTokenKey Load(string? configuredKey, string keyFile, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            return new ParticipantTokenKey(Decode(configuredKey.Trim(), "Tokens:SigningKey"), "settings");
        }

        var path = Path.GetFullPath(Path.Combine(contentRoot, keyFile));
        if (File.Exists(path))
        {
            return new ParticipantTokenKey(Decode(File.ReadAllText(path).Trim(), path), path);
        }

        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Two hosts starting at once over one folder: the first file written wins and both use it.
        try
        {
            File.Move(tmp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(tmp);
            return new ParticipantTokenKey(Decode(File.ReadAllText(path).Trim(), path), path);
        }

        return new ParticipantTokenKey(key, path) { WasGenerated = true };
    }

    private static byte[] Decode(string text, string source)
    {
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written) && written >= MinimumKeyBytes)
        {
            return buffer[..written];
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length >= MinimumKeyBytes)
        {
            return utf8;
        }

        throw new InvalidOperationException(
            $"The token signing key from {source} is too short: it needs at least {MinimumKeyBytes} bytes (base64) or characters.");
    }
}
