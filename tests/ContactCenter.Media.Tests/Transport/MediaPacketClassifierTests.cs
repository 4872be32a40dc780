using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Transport;

public sealed class MediaPacketClassifierTests
{
    [Theory]
    [InlineData(new byte[] { 0x00, 0x01 }, nameof(MediaPacketKind.Stun))]
    [InlineData(new byte[] { 0x03, 0x00 }, nameof(MediaPacketKind.Stun))]
    [InlineData(new byte[] { 20, 0xFE }, nameof(MediaPacketKind.Dtls))]
    [InlineData(new byte[] { 22, 0xFE, 0xFD }, nameof(MediaPacketKind.Dtls))]
    [InlineData(new byte[] { 63 }, nameof(MediaPacketKind.Dtls))]
    [InlineData(new byte[] { 0x80, 111 }, nameof(MediaPacketKind.Rtp))]
    [InlineData(new byte[] { 0x80, 96 + 128 }, nameof(MediaPacketKind.Rtp))] // marker bit set, PT 96
    [InlineData(new byte[] { 0x81, 200 }, nameof(MediaPacketKind.Rtcp))]
    [InlineData(new byte[] { 0x8F, 206 }, nameof(MediaPacketKind.Rtcp))]
    [InlineData(new byte[] { 0xBF, 223 }, nameof(MediaPacketKind.Rtcp))]
    [InlineData(new byte[] { 0x80 }, nameof(MediaPacketKind.Unknown))]
    [InlineData(new byte[] { 4 }, nameof(MediaPacketKind.Unknown))]
    [InlineData(new byte[] { 16 }, nameof(MediaPacketKind.Unknown))]
    [InlineData(new byte[] { 64 }, nameof(MediaPacketKind.Unknown))]
    [InlineData(new byte[] { 0xC0, 0 }, nameof(MediaPacketKind.Unknown))]
    [InlineData(new byte[] { }, nameof(MediaPacketKind.Unknown))]
    public void Classify_FirstBytes_FollowRfc7983AndRfc5761(byte[] packet, string expected)
    {
        // The kind is named, not passed: MediaPacketKind is internal and a public test method cannot take it.
        Assert.Equal(Enum.Parse<MediaPacketKind>(expected), MediaPacketClassifier.Classify(packet));
    }
}
