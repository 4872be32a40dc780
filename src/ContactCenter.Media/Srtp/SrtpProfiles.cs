namespace ContactCenter.Media.Srtp;

/// <summary>Key, salt and tag lengths of each <see cref="SrtpProfile"/> (RFC 5764 §4.1.2, RFC 7714 §14.2).</summary>
public static class SrtpProfiles
{
    /// <summary>Master (and session) key length in bytes.</summary>
    public static int KeyLength(SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 or SrtpProfile.AeadAes128Gcm => 16,
        _ => throw Unsupported(profile),
    };

    /// <summary>Master salt length in bytes: 112 bits for AES-CM, 96 bits for GCM.</summary>
    public static int SaltLength(SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => 14,
        SrtpProfile.AeadAes128Gcm => 12,
        _ => throw Unsupported(profile),
    };

    /// <summary>Authentication tag length: 80-bit HMAC-SHA1 or 128-bit GCM tag.</summary>
    public static int TagLength(SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => 10,
        SrtpProfile.AeadAes128Gcm => 16,
        _ => throw Unsupported(profile),
    };

    /// <summary>Bytes of DTLS keying material to export: 2 × (key + salt) (RFC 5764 §4.2).</summary>
    public static int KeyingMaterialLength(SrtpProfile profile) => 2 * (KeyLength(profile) + SaltLength(profile));

    public static bool IsSupported(ushort profile) =>
        profile is (ushort)SrtpProfile.AesCm128HmacSha1_80 or (ushort)SrtpProfile.AeadAes128Gcm;

    private static ArgumentOutOfRangeException Unsupported(SrtpProfile profile) =>
        new(nameof(profile), profile, "Unsupported SRTP protection profile.");
}
