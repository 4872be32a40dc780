namespace ContactCenter.Media.Srtp;

/// <summary>
/// The SRTP key derivation function (RFC 3711 §4.3) with key_derivation_rate 0, as DTLS-SRTP uses it:
/// session key material is AES-CM(master_key, (master_salt XOR label·2^48)·2^16).
/// </summary>
internal static class SrtpKeyDerivation
{
    public const byte RtpEncryption = 0x00;
    public const byte RtpAuthentication = 0x01;
    public const byte RtpSalt = 0x02;
    public const byte RtcpEncryption = 0x03;
    public const byte RtcpAuthentication = 0x04;
    public const byte RtcpSalt = 0x05;

    /// <summary>
    /// Writes <paramref name="output"/>.Length bytes for <paramref name="label"/>. A 12-byte (GCM) master salt
    /// is left-aligned in the 112-bit derivation salt and followed by two zero bytes (RFC 7714 §11).
    /// </summary>
    public static void Derive(AesCounterMode prf, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        // key_id = label || r (48 bits, zero with kdr 0) is XORed into the low 56 bits of the salt.
        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[7] ^= label;
        output.Clear();
        prf.Apply(iv, output);
    }
}
