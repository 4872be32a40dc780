namespace ContactCenter.Media.Srtp;

/// <summary>DTLS-SRTP protection profiles (RFC 5764 §4.1.2, RFC 7714 §14.2), valued as on the wire.</summary>
public enum SrtpProfile : ushort
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80 (RFC 3711).</summary>
    AesCm128HmacSha1_80 = 0x0001,

    /// <summary>SRTP_AEAD_AES_128_GCM (RFC 7714).</summary>
    AeadAes128Gcm = 0x0007,
}
