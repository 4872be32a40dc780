using Org.BouncyCastle.Tls;

namespace ContactCenter.Media.Dtls;

/// <summary>
/// The use_srtp protection profiles we negotiate (RFC 5764 §4.1.2, RFC 7714 §14.2), in preference order,
/// and their master key/salt sizes for the key export.
/// </summary>
public static class DtlsSrtpProfiles
{
    public const int AesCm128HmacSha1_80 = SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80;
    public const int AeadAes128Gcm = SrtpProtectionProfile.SRTP_AEAD_AES_128_GCM;

    /// <summary>GCM first: it is cheaper per packet and Chromium supports it.</summary>
    public static IReadOnlyList<int> Preferred { get; } = [AeadAes128Gcm, AesCm128HmacSha1_80];

    public static bool IsSupported(int profile) => profile is AeadAes128Gcm or AesCm128HmacSha1_80;

    public static int KeyLength(int profile) => profile switch
    {
        AesCm128HmacSha1_80 or AeadAes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    public static int SaltLength(int profile) => profile switch
    {
        AesCm128HmacSha1_80 => 14,
        AeadAes128Gcm => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    /// <summary>Picks our most preferred profile that the remote offers, or -1.</summary>
    public static int Choose(IReadOnlyList<int> allowed, int[] offered)
    {
        foreach (int candidate in allowed)
        {
            if (Array.IndexOf(offered, candidate) >= 0)
            {
                return candidate;
            }
        }

        return -1;
    }
}
