using ContactCenter.Sip.Media;

namespace ContactCenter.Sip.Tests.Media;

public sealed class RtpPacketTests
{
    [Fact]
    public void WriteHeaderThenTryParse_RoundTrips()
    {
        var buffer = new byte[12 + 160];
        RtpPacket.WriteHeader(buffer, marker: true, payloadType: 8, sequence: 65535, timestamp: 0xDEADBEEF, ssrc: 0x01020304);

        Assert.True(RtpPacket.TryParse(buffer, out var p));
        Assert.Equal((true, (byte)8, (ushort)65535, 0xDEADBEEFu, 0x01020304u, 12, 160),
            (p.Marker, p.PayloadType, p.SequenceNumber, p.Timestamp, p.Ssrc, p.PayloadOffset, p.PayloadLength));
    }

    [Fact]
    public void TryParse_CsrcExtensionAndPadding_FindsPayload()
    {
        // V=2 P=1 X=1 CC=1, PT 0; one CSRC; extension of one word; 4 payload bytes; 2 padding bytes.
        byte[] packet =
        [
            0xB1, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
            0, 0, 0, 9,
            0xBE, 0xDE, 0, 1, 1, 2, 3, 4,
            0xAA, 0xBB, 0xCC, 0xDD,
            0, 2,
        ];

        Assert.True(RtpPacket.TryParse(packet, out var p));
        Assert.Equal(24, p.PayloadOffset);
        Assert.Equal(4, p.PayloadLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0 })]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 })]
    [InlineData(new byte[] { 0x80, 200, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 })]
    [InlineData(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 })]
    public void TryParse_ShortWrongVersionRtcpOrTruncated_False(byte[] data) => Assert.False(RtpPacket.TryParse(data, out _));
}
