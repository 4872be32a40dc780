namespace ContactCenter.Media.Stun;

/// <summary>Wire constants of STUN (RFC 5389 §6, §15).</summary>
internal static class StunConstants
{
    public const uint MagicCookie = 0x2112A442;
    public const int HeaderLength = 20;
    public const int TransactionIdLength = 12;
    public const int AttributeHeaderLength = 4;

    /// <summary>HMAC-SHA1 output carried by MESSAGE-INTEGRITY (RFC 5389 §15.4).</summary>
    public const int MessageIntegrityLength = 20;
    public const int FingerprintLength = 4;

    /// <summary>XOR constant of FINGERPRINT, "STUN" in ASCII (RFC 5389 §15.5).</summary>
    public const uint FingerprintXor = 0x5354554E;

    public const byte FamilyIPv4 = 0x01;
    public const byte FamilyIPv6 = 0x02;

    internal static int Pad4(int length) => (length + 3) & ~3;
}
