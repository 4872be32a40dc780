using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

public class SrtpSessionTests
{
    public static TheoryData<SrtpProfile> Profiles => SrtpTestPackets.Profiles;

    private static (SrtpSession Sender, SrtpSession Receiver) Pair(SrtpProfile profile) => SrtpTestPackets.Pair(profile);

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtpRoundTrip_WithCsrcsAndExtension_RestoresPacketAndKeepsHeaderClear(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using var _ = sender;
        using var __ = receiver;
        var packet = SrtpTestPackets.Rtp(sequence: 4321, ssrc: 0xDEADBEEF, payloadLength: 200, csrcCount: 2, extension: true);
        var plain = packet.Plain;
        int headerLength = 12 + 8 + 12;

        Assert.True(sender.TryProtectRtp(packet.Buffer, packet.Length, out int protectedLength));
        Assert.Equal(packet.Length + sender.RtpOverhead, protectedLength);
        Assert.Equal(plain[..headerLength], packet.Buffer[..headerLength]);
        Assert.NotEqual(plain[headerLength..], packet.Buffer[headerLength..packet.Length]);

        Assert.True(receiver.TryUnprotectRtp(packet.Buffer, protectedLength, out int plainLength));
        Assert.Equal(plain, packet.Buffer[..plainLength]);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtcpRoundTrip_Compound_RestoresPacket(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var packet = SrtpTestPackets.Rtcp(0x01020304, extraWords: 10);
        var plain = packet.Plain;

        Assert.True(sender.TryProtectRtcp(packet.Buffer, packet.Length, out int protectedLength));
        Assert.Equal(packet.Length + sender.RtcpOverhead, protectedLength);
        Assert.True(protectedLength - packet.Length <= SrtpSession.MaxOverhead);
        Assert.Equal(plain[..8], packet.Buffer[..8]);

        Assert.True(receiver.TryUnprotectRtcp(packet.Buffer, protectedLength, out int plainLength));
        Assert.Equal(plain, packet.Buffer[..plainLength]);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotectRtp_AnyByteTampered_FalseAndStateUnchanged(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var packet = SrtpTestPackets.Rtp(sequence: 10, ssrc: 7, payloadLength: 40, csrcCount: 1, extension: true);
        Assert.True(sender.TryProtectRtp(packet.Buffer, packet.Length, out int length));
        var protectedBytes = packet.Buffer[..length];

        // Header (incl. CSRC and extension), payload and tag are all covered.
        for (int i = 0; i < length; i++)
        {
            var copy = (byte[])protectedBytes.Clone();
            copy[i] ^= 0x04;
            Assert.False(receiver.TryUnprotectRtp(copy, length, out _), $"byte {i}");
        }

        Assert.False(receiver.TryGetInboundRtpState(7, out _, out _));
        Assert.True(receiver.TryUnprotectRtp(protectedBytes, length, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotectRtcp_AnyByteTampered_False(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var packet = SrtpTestPackets.Rtcp(99);
        Assert.True(sender.TryProtectRtcp(packet.Buffer, packet.Length, out int length));
        var protectedBytes = packet.Buffer[..length];

        for (int i = 0; i < length; i++)
        {
            var copy = (byte[])protectedBytes.Clone();
            copy[i] ^= 0x10;
            Assert.False(receiver.TryUnprotectRtcp(copy, length, out _), $"byte {i}");
        }

        Assert.True(receiver.TryUnprotectRtcp(protectedBytes, length, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotect_Replayed_False(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var rtp = SrtpTestPackets.Rtp(sequence: 500, ssrc: 1, payloadLength: 30);
        Assert.True(sender.TryProtectRtp(rtp.Buffer, rtp.Length, out int rtpLength));
        var rtpCopy = rtp.Buffer[..rtpLength];
        var rtcp = SrtpTestPackets.Rtcp(1);
        Assert.True(sender.TryProtectRtcp(rtcp.Buffer, rtcp.Length, out int rtcpLength));
        var rtcpCopy = rtcp.Buffer[..rtcpLength];

        Assert.True(receiver.TryUnprotectRtp(rtp.Buffer, rtpLength, out _));
        Assert.False(receiver.TryUnprotectRtp(rtpCopy, rtpLength, out _));
        Assert.True(receiver.TryUnprotectRtcp(rtcp.Buffer, rtcpLength, out _));
        Assert.False(receiver.TryUnprotectRtcp(rtcpCopy, rtcpLength, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotectRtp_OutOfOrderInsideWindowAccepted_TooOldRejected(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var packets = new byte[101][];
        for (int i = 0; i <= 100; i++)
        {
            var packet = SrtpTestPackets.Rtp(sequence: (ushort)(1000 + i), ssrc: 5, payloadLength: 20);
            Assert.True(sender.TryProtectRtp(packet.Buffer, packet.Length, out int length));
            packets[i] = packet.Buffer[..length];
        }

        Assert.True(Unprotect(receiver, packets[0]));
        Assert.True(Unprotect(receiver, packets[100]));
        Assert.True(Unprotect(receiver, packets[37]), "delta 63 is inside the window");
        Assert.False(Unprotect(receiver, packets[36]), "delta 64 is too old");
        Assert.False(Unprotect(receiver, packets[37]), "replay inside the window");
        Assert.True(Unprotect(receiver, packets[99]));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryUnprotect_EveryTruncation_FalseWithoutThrowing(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var rtp = SrtpTestPackets.Rtp(sequence: 9, ssrc: 3, payloadLength: 20, csrcCount: 1, extension: true);
        Assert.True(sender.TryProtectRtp(rtp.Buffer, rtp.Length, out int rtpLength));
        var rtcp = SrtpTestPackets.Rtcp(3);
        Assert.True(sender.TryProtectRtcp(rtcp.Buffer, rtcp.Length, out int rtcpLength));

        for (int length = 0; length < rtpLength; length++)
        {
            var copy = rtp.Buffer[..rtpLength];
            Assert.False(receiver.TryUnprotectRtp(copy, length, out _), $"rtp length {length}");
        }

        for (int length = 0; length < rtcpLength; length++)
        {
            var copy = rtcp.Buffer[..rtcpLength];
            Assert.False(receiver.TryUnprotectRtcp(copy, length, out _), $"rtcp length {length}");
        }

        Assert.False(receiver.TryUnprotectRtp(rtp.Buffer, rtp.Buffer.Length + 1, out _));
        Assert.False(receiver.TryUnprotectRtp(rtp.Buffer, -1, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TryProtect_NoRoomOrMalformed_False(SrtpProfile profile)
    {
        var (sender, _) = Pair(profile);
        var packet = SrtpTestPackets.Rtp(sequence: 1, ssrc: 1, payloadLength: 10);

        Assert.False(sender.TryProtectRtp(packet.Buffer.AsSpan(0, packet.Length + 3), packet.Length, out _));
        Assert.False(sender.TryProtectRtcp(new byte[40], 12, out _), "version 0");
        Assert.False(sender.TryProtectRtp(new byte[40], 11, out _));
        var badExtension = SrtpTestPackets.Rtp(sequence: 1, ssrc: 1, payloadLength: 0, extension: true);
        badExtension.Buffer[12 + 3] = 200; // extension claims 800 bytes
        Assert.False(sender.TryProtectRtp(badExtension.Buffer, badExtension.Length, out _));
    }

    [Fact]
    public void Constructor_WrongKeyOrSaltLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SrtpSession(SrtpProfile.AeadAes128Gcm, new byte[16], new byte[14]));
        Assert.Throws<ArgumentException>(() => new SrtpSession(SrtpProfile.AesCm128HmacSha1_80, new byte[16], new byte[12]));
        Assert.Throws<ArgumentException>(() => new SrtpSession(SrtpProfile.AesCm128HmacSha1_80, new byte[32], new byte[14]));
    }

    [Fact]
    public void SrtpProfiles_Lengths_MatchRfc()
    {
        Assert.Equal(16, SrtpProfiles.KeyLength(SrtpProfile.AesCm128HmacSha1_80));
        Assert.Equal(14, SrtpProfiles.SaltLength(SrtpProfile.AesCm128HmacSha1_80));
        Assert.Equal(16, SrtpProfiles.KeyLength(SrtpProfile.AeadAes128Gcm));
        Assert.Equal(12, SrtpProfiles.SaltLength(SrtpProfile.AeadAes128Gcm));
        Assert.Equal(56, SrtpProfiles.KeyingMaterialLength(SrtpProfile.AeadAes128Gcm));
        Assert.Equal(60, SrtpProfiles.KeyingMaterialLength(SrtpProfile.AesCm128HmacSha1_80));
        Assert.True(SrtpSession.MaxOverhead >= 16 + 4);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectUnprotect_WarmedUp_AllocatesNothing(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var rtp = SrtpTestPackets.Rtp(sequence: 1, ssrc: 0x1234, payloadLength: 1200, csrcCount: 1, extension: true);
        var rtcp = SrtpTestPackets.Rtcp(0x1234);
        var rtpBuffer = new byte[rtp.Buffer.Length];
        var rtcpBuffer = new byte[rtcp.Buffer.Length];
        RoundTrip(0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 200; i++)
        {
            RoundTrip(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void RoundTrip(int i)
        {
            rtp.Buffer.CopyTo(rtpBuffer, 0);
            rtpBuffer[3] = (byte)i;
            rtpBuffer[2] = (byte)(i >> 8);
            Assert.True(sender.TryProtectRtp(rtpBuffer, rtp.Length, out int length));
            Assert.True(receiver.TryUnprotectRtp(rtpBuffer, length, out _));
            rtcp.Buffer.CopyTo(rtcpBuffer, 0);
            Assert.True(sender.TryProtectRtcp(rtcpBuffer, rtcp.Length, out length));
            Assert.True(receiver.TryUnprotectRtcp(rtcpBuffer, length, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RemoveSsrc_ThenSamePacket_AcceptedAgainAsFirstSight(SrtpProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        var packet = SrtpTestPackets.Rtp(sequence: 300, ssrc: 8, payloadLength: 20);
        Assert.True(sender.TryProtectRtp(packet.Buffer, packet.Length, out int length));
        var protectedBytes = packet.Buffer[..length];
        Assert.True(Unprotect(receiver, protectedBytes));
        Assert.False(Unprotect(receiver, protectedBytes));

        Assert.True(receiver.RemoveSsrc(8));

        Assert.False(receiver.TryGetInboundRtpState(8, out _, out _));
        Assert.True(Unprotect(receiver, protectedBytes));
        Assert.False(receiver.RemoveSsrc(9));
    }

    [Fact]
    public void Dispose_ThenProtect_FalseWithoutThrowing()
    {
        var (sender, _) = Pair(SrtpProfile.AeadAes128Gcm);
        sender.Dispose();
        var packet = SrtpTestPackets.Rtp(sequence: 1, ssrc: 1, payloadLength: 10);

        Assert.False(sender.TryProtectRtp(packet.Buffer, packet.Length, out _));
    }

    private static bool Unprotect(SrtpSession receiver, byte[] protectedBytes) => SrtpTestPackets.Unprotect(receiver, protectedBytes);
}
