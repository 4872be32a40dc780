using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Client;

public sealed class OutboundStreamTests
{
    [Theory]
    [InlineData(1u, 65_535, 0)]
    [InlineData(1u, 65_536, 1)]
    [InlineData(65_535u, 1, 0)]
    [InlineData(65_535u, 2, 1)]
    [InlineData(0u, 4 * 65_536, 3)]
    [InlineData(0u, (4 * 65_536) + 1, 4)]
    public async Task WrapsSent_AfterPackets_CountsRolloversOfTheLow16Bits(uint start, int packets, int wraps)
    {
        await using var peer = new ClientPeer("test", new LoadStats());
        var stream = new OutboundStream(peer, 1, 1234, video: false);
        stream.StartAt(start);
        stream.Sequence += (uint)packets;

        Assert.Equal(packets, stream.PacketsSent);
        Assert.Equal(wraps, stream.WrapsSent);
    }
}
