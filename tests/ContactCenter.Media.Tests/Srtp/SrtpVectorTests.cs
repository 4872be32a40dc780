using System.Security.Cryptography;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

/// <summary>Known-answer tests from RFC 3711 Appendix B, RFC 7714 §16–17 and libsrtp's reference packets.</summary>
public class SrtpVectorTests
{
    [Fact]
    public void AesCounterMode_Rfc3711B2_KeystreamMatchesFirstAndLastBlocks()
    {
        // B.2: session key 2B7E…, salt F0F1…FCFD already shifted, SSRC 0, index 0; 65282 blocks.
        using var ctr = new AesCounterMode(RfcHex.Parse("2B7E151628AED2A6ABF7158809CF4F3C"));
        var keystream = new byte[1044512];

        Assert.True(ctr.Apply(RfcHex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream));

        Assert.Equal(
            "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0",
            Convert.ToHexString(keystream, 0, 48));
        Assert.Equal(
            "EC8CDF7398607CB0F2D21675EA9EA1E4" + "362B7C3C6773516318A077D7FC5073AE" + "6A2CC3787889374FBEB4C81B17BA6C44",
            Convert.ToHexString(keystream, keystream.Length - 48, 48));
    }

    [Fact]
    public void TryProtectRtp_Rfc3711B2SessionKeys_ZeroPayloadBecomesKeystream()
    {
        // The same vector through the packet path checks the IV layout: SSRC 0, ROC 0, SEQ 0 gives IV = salt·2^16.
        using var session = SrtpSession.FromSessionKeys(
            SrtpProfile.AesCm128HmacSha1_80,
            RfcHex.Parse("2B7E151628AED2A6ABF7158809CF4F3C"), RfcHex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20],
            RfcHex.Parse("2B7E151628AED2A6ABF7158809CF4F3C"), RfcHex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20]);
        var buffer = new byte[12 + 48 + SrtpSession.MaxOverhead];
        buffer[0] = 0x80;

        Assert.True(session.TryProtectRtp(buffer, 60, out int length));

        Assert.Equal(70, length);
        Assert.Equal(
            "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0",
            Convert.ToHexString(buffer, 12, 48));
    }

    [Theory]
    [InlineData(SrtpKeyDerivation.RtpEncryption, "C61E7A93744F39EE10734AFE3FF7A087")]
    [InlineData(SrtpKeyDerivation.RtpSalt, "30CBBC08863D8C85D49DB34A9AE1")]
    [InlineData(SrtpKeyDerivation.RtpAuthentication,
        "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE" +
        "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25" +
        "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2")]
    public void Derive_Rfc3711B3_MatchesSessionKeys(byte label, string expected)
    {
        using var prf = new AesCounterMode(RfcHex.Parse("E1F97A0D3E018BE0D64FA32C06DE4139"));
        var output = new byte[expected.Length / 2];

        SrtpKeyDerivation.Derive(prf, RfcHex.Parse("0EC675AD498AFEEBB6960B3AABE6"), label, output);

        Assert.Equal(expected, Convert.ToHexString(output));
    }

    private static readonly byte[] LibSrtpMasterKey = RfcHex.Parse("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] LibSrtpMasterSalt = RfcHex.Parse("0EC675AD498AFEEBB6960B3AABE6");
    private const string LibSrtpRtpPlain = "800F1234DECAFBADCAFEBABE" + "ABABABABABABABABABABABABABABABAB";
    private const string LibSrtpRtpProtected =
        "800F1234DECAFBADCAFEBABE" + "4E55DC4CE79978D88CA4D215949D2402" + "B78D6ACC99EA179B8DBB";
    private const string LibSrtpRtcpPlain = "81C8000BCAFEBABE" + "ABABABABABABABABABABABABABABABAB";
    private const string LibSrtpRtcpProtected =
        "81C8000BCAFEBABE" + "7128035BE487B9BDBEF89041F977A5A8" + "80000001" + "993E08CD54D6C1230798";

    [Fact]
    public void TryProtect_LibSrtpReferencePackets_MatchWithDerivedKeys()
    {
        // libsrtp's srtp_validate: RFC 3711 B.3 master key, AES_CM_128_HMAC_SHA1_80, through the full KDF.
        using var session = new SrtpSession(SrtpProfile.AesCm128HmacSha1_80, LibSrtpMasterKey, LibSrtpMasterSalt);

        Assert.Equal(LibSrtpRtpProtected, Protect(session, LibSrtpRtpPlain, rtcp: false));
        Assert.Equal(LibSrtpRtcpProtected, Protect(session, LibSrtpRtcpPlain, rtcp: true));
    }

    [Fact]
    public void TryUnprotect_LibSrtpReferencePackets_RecoverPlaintext()
    {
        using var session = new SrtpSession(SrtpProfile.AesCm128HmacSha1_80, LibSrtpMasterKey, LibSrtpMasterSalt);

        Assert.Equal(LibSrtpRtpPlain, Unprotect(session, LibSrtpRtpProtected, rtcp: false));
        Assert.Equal(LibSrtpRtcpPlain, Unprotect(session, LibSrtpRtcpProtected, rtcp: true));
    }

    // RFC 7714 §16.1 / §17.1: AEAD_AES_128_GCM with key 00…0f and salt "Quid pro quo" as session keys.
    private const string GcmKey = "000102030405060708090a0b0c0d0e0f";
    private const string GcmSalt = "517569642070726f2071756f";
    private const string GcmRtpPlain =
        "8040f17b8041f8d35501a0b2" +
        "47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";
    private const string GcmRtpProtected =
        "8040f17b8041f8d35501a0b2" +
        "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833" +
        "899d7f27beb16a9152cf765ee4390cce";
    private const string GcmRtcpPlain =
        "81c8000d4d617273" +
        "4e5450314e545032525450200000042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    private const string GcmRtcpProtectedIndex5d4 =
        "81c8000d4d617273" +
        "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa458" +
        "96cf4d2fc5abf87245d9eade" + "800005d4";

    private static SrtpSession Rfc7714Session() => SrtpSession.FromSessionKeys(
        SrtpProfile.AeadAes128Gcm,
        RfcHex.Parse(GcmKey), RfcHex.Parse(GcmSalt), default,
        RfcHex.Parse(GcmKey), RfcHex.Parse(GcmSalt), default);

    [Fact]
    public void TryProtectRtp_Rfc7714_16_1_MatchesCiphertextAndTag()
    {
        using var session = Rfc7714Session();

        Assert.Equal(GcmRtpProtected.ToUpperInvariant(), Protect(session, GcmRtpPlain, rtcp: false));
    }

    [Fact]
    public void TryUnprotectRtp_Rfc7714_16_1_RecoversPlaintext()
    {
        using var session = Rfc7714Session();

        Assert.Equal(GcmRtpPlain.ToUpperInvariant(), Unprotect(session, GcmRtpProtected, rtcp: false));
    }

    [Fact]
    public void TryUnprotectRtcp_Rfc7714_17_1_RecoversPlaintext()
    {
        using var session = Rfc7714Session();

        Assert.Equal(GcmRtcpPlain.ToUpperInvariant(), Unprotect(session, GcmRtcpProtectedIndex5d4, rtcp: true));
    }

    [Fact]
    public void GcmIvs_Rfc7714_MatchListedIvs()
    {
        Span<byte> iv = stackalloc byte[12];
        SrtpSession.GcmRtpIv(RfcHex.Parse(GcmSalt), 0x5501a0b2, 0xf17b, iv);
        Assert.Equal("51753C6580C2726F20718414", Convert.ToHexString(iv));

        SrtpSession.GcmRtcpIv(RfcHex.Parse(GcmSalt), 0x4d617273, 0x5d4, iv);
        Assert.Equal("517524055203726F207170BB", Convert.ToHexString(iv));
    }

    [Fact]
    public void TryProtectRtcp_Rfc7714_17_1_MatchesAtIndex5d4()
    {
        // The RFC's packet carries SRTCP index 0x5d4: protect 0x5d3 packets first (our first index is 1).
        using var session = Rfc7714Session();
        var scratch = new byte[128];
        for (int i = 1; i < 0x5d4; i++)
        {
            var plain = RfcHex.Parse(GcmRtcpPlain);
            plain.CopyTo(scratch, 0);
            Assert.True(session.TryProtectRtcp(scratch, plain.Length, out _));
        }

        Assert.Equal(GcmRtcpProtectedIndex5d4.ToUpperInvariant(), Protect(session, GcmRtcpPlain, rtcp: true));
    }

    [Fact]
    public void Constructor_GcmMasterSalt_DerivesWithSaltPaddedByTwoZeroBytes()
    {
        // RFC 7714 §11 and MEDIA-NOTES: the 96-bit master salt is left-aligned in the 112-bit KDF salt.
        // Derive by hand with one AES block per key and check the session decrypts what we protect.
        var masterKey = RandomNumberGenerator.GetBytes(16);
        var masterSalt = RandomNumberGenerator.GetBytes(12);
        using var aes = Aes.Create();
        aes.Key = masterKey;
        byte[] Block(byte label)
        {
            var x = new byte[16];
            masterSalt.CopyTo(x, 0);
            x[7] ^= label;
            return aes.EncryptEcb(x, PaddingMode.None);
        }

        using var byHand = SrtpSession.FromSessionKeys(
            SrtpProfile.AeadAes128Gcm, Block(0), Block(2)[..12], default, Block(3), Block(5)[..12], default);
        using var derived = new SrtpSession(SrtpProfile.AeadAes128Gcm, masterKey, masterSalt);

        var rtp = SrtpTestPackets.Rtp(sequence: 1000, ssrc: 0x11223344, payloadLength: 50);
        Assert.True(derived.TryProtectRtp(rtp.Buffer, rtp.Length, out int rtpLength));
        Assert.True(byHand.TryUnprotectRtp(rtp.Buffer, rtpLength, out _));

        var rtcp = SrtpTestPackets.Rtcp(0x11223344);
        Assert.True(derived.TryProtectRtcp(rtcp.Buffer, rtcp.Length, out int rtcpLength));
        Assert.True(byHand.TryUnprotectRtcp(rtcp.Buffer, rtcpLength, out _));
    }

    private static string Protect(SrtpSession session, string plainHex, bool rtcp)
    {
        var plain = RfcHex.Parse(plainHex);
        var buffer = new byte[plain.Length + SrtpSession.MaxOverhead];
        plain.CopyTo(buffer, 0);
        int length;
        Assert.True(rtcp
            ? session.TryProtectRtcp(buffer, plain.Length, out length)
            : session.TryProtectRtp(buffer, plain.Length, out length));
        return Convert.ToHexString(buffer, 0, length);
    }

    private static string Unprotect(SrtpSession session, string protectedHex, bool rtcp)
    {
        var buffer = RfcHex.Parse(protectedHex);
        int length;
        Assert.True(rtcp
            ? session.TryUnprotectRtcp(buffer, buffer.Length, out length)
            : session.TryUnprotectRtp(buffer, buffer.Length, out length));
        return Convert.ToHexString(buffer, 0, length);
    }
}
