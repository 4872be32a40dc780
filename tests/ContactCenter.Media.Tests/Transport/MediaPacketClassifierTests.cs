using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Transport;

public sealed class MediaPacketClassifierTests
{
    [Theory]
    [InlineData(new byte[] { 0x00, 0x01 }, MediaPacketKind.Stun)]
    [InlineData(new byte[] { 0x03, 0x00 }, MediaPacketKind.Stun)]
    [InlineData(new byte[] { 20, 0xFE }, MediaPacketKind.Dtls)]
    [InlineData(new byte[] { 22, 0xFE, 0xFD }, MediaPacketKind.Dtls)]
    [InlineData(new byte[] { 63 }, MediaPacketKind.Dtls)]
    [InlineData(new byte[] { 0x80, 111 }, MediaPacketKind.Rtp)]
    [InlineData(new byte[] { 0x80, 96 + 128 }, MediaPacketKind.Rtp)] // marker bit set, PT 96
    [InlineData(new byte[] { 0x81, 200 }, MediaPacketKind.Rtcp)]
    [InlineData(new byte[] { 0x8F, 206 }, MediaPacketKind.Rtcp)]
    [InlineData(new byte[] { 0xBF, 223 }, MediaPacketKind.Rtcp)]
    [InlineData(new byte[] { 0x80 }, MediaPacketKind.Unknown)]
    [InlineData(new byte[] { 4 }, MediaPacketKind.Unknown)]
    [InlineData(new byte[] { 16 }, MediaPacketKind.Unknown)]
    [InlineData(new byte[] { 64 }, MediaPacketKind.Unknown)]
    [InlineData(new byte[] { 0xC0, 0 }, MediaPacketKind.Unknown)]
    [InlineData(new byte[] { }, MediaPacketKind.Unknown)]
    public void Classify_FirstBytes_FollowRfc7983AndRfc5761(byte[] packet, MediaPacketKind expected)
    {
        Assert.Equal(expected, MediaPacketClassifier.Classify(packet));
    }
}
