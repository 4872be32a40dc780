using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Metrics;

public sealed class UdpSocketDropsTests
{
    private static readonly string[] ProcNetUdp =
    [
        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
        "  812: 0100007F:9D5A 00000000:0000 07 00000000 00000000 00:00000000 00000000     0        0 81234 2 0000000000000000 0",
        "  813: 0100007F:B3C1 00000000:0000 07 00000000 00000000 00:00000000 00000000     0        0 81235 2 0000000000000000 4944",
        "  813: 00000000:B3C1 00000000:0000 07 00000000 00000000 00:00000000 00000000     0        0 81236 2 0000000000000000 6",
    ];

    [Fact]
    public void Parse_EverySocketOnThePort_SumsTheirDrops() =>
        Assert.Equal(4950, UdpSocketDrops.Parse(ProcNetUdp, 0xB3C1));

    [Fact]
    public void Parse_PortNotListed_ReturnsNull() =>
        Assert.Null(UdpSocketDrops.Parse(ProcNetUdp, 5));
}
