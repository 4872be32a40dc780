using System.Security.Cryptography;

namespace ContactCenter.Media.Srtp;

/// <summary>
/// Session keys of one of SRTP or SRTCP, with the cipher objects built once: AES-CTR and a reusable
/// HMAC-SHA1 for AES-CM, or <see cref="SrtpGcm"/> for AEAD. Not thread-safe.
/// </summary>
internal sealed class SrtpCipher : IDisposable
{
    public const int CmSaltLength = 14;
    public const int GcmSaltLength = 12;
    public const int AuthKeyLength = 20;

    private SrtpCipher(SrtpProfile profile, ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> authKey)
    {
        if (profile == SrtpProfile.AeadAes128Gcm)
        {
            Gcm = new SrtpGcm(key);
        }
        else
        {
            Ctr = new AesCounterMode(key);
            Hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authKey);
        }

        Salt = salt.ToArray();
    }

    /// <summary>Session salt: 14 bytes for AES-CM, 12 for GCM.</summary>
    public byte[] Salt { get; }

    public AesCounterMode? Ctr { get; }

    /// <summary>HMAC-SHA1 keyed once with the session auth key; reset by each GetHashAndReset.</summary>
    public IncrementalHash? Hmac { get; }

    public SrtpGcm? Gcm { get; }

    /// <summary>Derives the session keys for SRTP (labels 0–2) or SRTCP (labels 3–5), RFC 3711 §4.3.2.</summary>
    public static SrtpCipher Derive(SrtpProfile profile, AesCounterMode prf, ReadOnlySpan<byte> masterSalt, bool rtcp)
    {
        byte labelBase = rtcp ? SrtpKeyDerivation.RtcpEncryption : SrtpKeyDerivation.RtpEncryption;
        Span<byte> key = stackalloc byte[16];
        Span<byte> salt = stackalloc byte[profile == SrtpProfile.AeadAes128Gcm ? GcmSaltLength : CmSaltLength];
        Span<byte> auth = stackalloc byte[AuthKeyLength];
        SrtpKeyDerivation.Derive(prf, masterSalt, labelBase, key);
        SrtpKeyDerivation.Derive(prf, masterSalt, (byte)(labelBase + 2), salt);
        if (profile == SrtpProfile.AesCm128HmacSha1_80)
        {
            SrtpKeyDerivation.Derive(prf, masterSalt, (byte)(labelBase + 1), auth);
        }
        else
        {
            auth.Clear();
        }

        try
        {
            return new SrtpCipher(profile, key, salt, auth);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(auth);
        }
    }

    /// <summary>Uses session keys as given (RFC 7714 §16 and RFC 3711 B.2 vectors skip the KDF).</summary>
    public static SrtpCipher FromSessionKeys(
        SrtpProfile profile, ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> authKey) =>
        new(profile, key, salt, authKey);

    public void Dispose()
    {
        Ctr?.Dispose();
        Hmac?.Dispose();
        Gcm?.Dispose();
        CryptographicOperations.ZeroMemory(Salt);
    }
}
