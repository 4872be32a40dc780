using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests.Rtp;

public class RtpWriterTests
{
    [Fact]
    public void SetPayloadType_KeepsMarkerBit()
    {
        var packet = (byte[])RtpHeaderTests.TwoBytePacket.Clone();

        Assert.True(RtpWriter.SetPayloadType(packet, 100));

        Assert.True(RtpHeader.TryParse(packet, out var header));
        Assert.Equal(100, header.PayloadType);
        Assert.True(header.Marker);
        Assert.False(RtpWriter.SetPayloadType(packet, 128));
    }

    [Fact]
    public void SetFields_RewriteSequenceTimestampSsrcAndMarker()
    {
        var packet = (byte[])RtpHeaderTests.OneBytePacket.Clone();

        Assert.True(RtpWriter.SetSequenceNumber(packet, 0xFFFE));
        Assert.True(RtpWriter.SetTimestamp(packet, 0x01020304));
        Assert.True(RtpWriter.SetSsrc(packet, 0xCAFEBABE));
        Assert.True(RtpWriter.SetMarker(packet, true));

        Assert.True(RtpHeader.TryParse(packet, out var header));
        Assert.Equal(0xFFFE, header.SequenceNumber);
        Assert.Equal(0x01020304u, header.Timestamp);
        Assert.Equal(0xCAFEBABEu, header.Ssrc);
        Assert.True(header.Marker);
        Assert.Equal(111, header.PayloadType);
    }

    [Fact]
    public void Setters_ShortPacket_False()
    {
        var shortPacket = new byte[11];

        Assert.False(RtpWriter.SetPayloadType(shortPacket, 1));
        Assert.False(RtpWriter.SetSequenceNumber(shortPacket, 1));
        Assert.False(RtpWriter.SetTimestamp(shortPacket, 1));
        Assert.False(RtpWriter.SetSsrc(shortPacket, 1));
        Assert.False(RtpWriter.SetMarker(shortPacket, true));
    }

    [Fact]
    public void TryOverwriteExtension_SameLength_ReplacesValueOnly()
    {
        var packet = (byte[])RtpHeaderTests.OneBytePacket.Clone();

        Assert.True(RtpWriter.TryOverwriteExtension(packet, 2, new byte[] { 1, 2, 3 }));
        Assert.False(RtpWriter.TryOverwriteExtension(packet, 2, new byte[] { 1, 2 }));
        Assert.False(RtpWriter.TryOverwriteExtension(packet, 9, new byte[] { 1 }));

        Assert.True(RtpHeader.TryParse(packet, out var header));
        Assert.True(header.TryGetExtension(packet, 2, out var value));
        Assert.Equal(new byte[] { 1, 2, 3 }, value.ToArray());
        Assert.True(header.TryGetExtension(packet, 1, out var mid));
        Assert.Equal("0"u8.ToArray(), mid.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01 }, false, false)] // STUN
    [InlineData(new byte[] { 0x16, 0xfe }, false, false)] // DTLS
    [InlineData(new byte[] { 0x80, 0x6f }, true, false)]  // RTP PT 111
    [InlineData(new byte[] { 0x80, 0xef }, true, false)]  // RTP PT 111 with marker
    [InlineData(new byte[] { 0x80, 0xc8 }, false, true)]  // SR
    [InlineData(new byte[] { 0x81, 0xcd }, false, true)]  // RTPFB
    [InlineData(new byte[] { 0x8f, 0xce }, false, true)]  // PSFB
    public void RtpPacketClassifier_FirstTwoBytes_Classified(byte[] packet, bool rtp, bool rtcp)
    {
        Assert.Equal(rtp, RtpPacketClassifier.IsRtp(packet));
        Assert.Equal(rtcp, RtpPacketClassifier.IsRtcp(packet));
        Assert.Equal(rtp || rtcp, RtpPacketClassifier.IsRtpOrRtcp(packet));
    }
}
