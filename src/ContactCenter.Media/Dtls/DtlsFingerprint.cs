using System.Security.Cryptography;

namespace ContactCenter.Media.Dtls;

/// <summary>
/// A certificate fingerprint as carried by <c>a=fingerprint:&lt;hash&gt; &lt;HEX:HEX...&gt;</c> (RFC 8122 §5).
/// </summary>
public sealed record DtlsFingerprint(string Algorithm, byte[] Value)
{
    /// <summary>The SHA-256 fingerprint of a DER-encoded certificate.</summary>
    public static DtlsFingerprint Compute(ReadOnlySpan<byte> derCertificate) =>
        new("sha-256", SHA256.HashData(derCertificate));

    /// <summary>Parses the attribute value, e.g. <c>sha-256 AB:CD:...</c>.</summary>
    public static bool TryParse(string? text, out DtlsFingerprint? fingerprint)
    {
        fingerprint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return false;
        }

        var algorithm = parts[0].ToLowerInvariant();
        int expectedLength = HashLength(algorithm);
        var hex = parts[1].Split(':');
        if (expectedLength == 0 || hex.Length != expectedLength)
        {
            return false;
        }

        var value = new byte[hex.Length];
        for (int i = 0; i < hex.Length; i++)
        {
            if (hex[i].Length != 2 || !byte.TryParse(hex[i], System.Globalization.NumberStyles.HexNumber, null, out value[i]))
            {
                return false;
            }
        }

        fingerprint = new DtlsFingerprint(algorithm, value);
        return true;
    }

    /// <summary>True when <paramref name="derCertificate"/> hashes to this fingerprint (constant time).</summary>
    public bool Matches(ReadOnlySpan<byte> derCertificate)
    {
        Span<byte> hash = stackalloc byte[64];
        int length = Algorithm switch
        {
            "sha-1" => SHA1.HashData(derCertificate, hash),
            "sha-256" => SHA256.HashData(derCertificate, hash),
            "sha-384" => SHA384.HashData(derCertificate, hash),
            "sha-512" => SHA512.HashData(derCertificate, hash),
            _ => 0,
        };
        return length != 0 && length == Value.Length
            && CryptographicOperations.FixedTimeEquals(hash.Slice(0, length), Value);
    }

    /// <summary>The SDP form: algorithm, space, upper-case hex pairs joined by colons.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder(Algorithm.Length + 1 + Value.Length * 3);
        builder.Append(Algorithm).Append(' ');
        for (int i = 0; i < Value.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(':');
            }

            builder.Append(Value[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static int HashLength(string algorithm) => algorithm switch
    {
        "sha-1" => 20,
        "sha-256" => 32,
        "sha-384" => 48,
        "sha-512" => 64,
        _ => 0,
    };
}
