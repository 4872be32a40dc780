using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Tests.Rtcp;

public class RtcpWriterTests
{
    [Fact]
    public void Pli_Write_ReproducesSample()
    {
        var buffer = new byte[32];

        int length = RtcpPli.Write(buffer, 1, 2);

        Assert.Equal(RtcpSamples.Pli, buffer[..length]);
        Assert.Equal(0, RtcpPli.Write(new byte[11], 1, 2));
    }

    [Fact]
    public void Fir_Write_ParsesBack()
    {
        var buffer = new byte[32];

        int length = RtcpFir.Write(buffer, 9, 0xABCDEF01, 42);

        Assert.True(RtcpFir.TryParse(buffer.AsSpan(0, length), out var fir));
        Assert.Equal(9u, fir.SenderSsrc);
        Assert.Equal(0u, fir.MediaSsrc);
        Assert.True(fir.TryGetEntry(buffer, 0, out var entry));
        Assert.Equal(new RtcpFirEntry(0xABCDEF01, 42), entry);
    }

    [Fact]
    public void Nack_WriteWrappingList_ReproducesSample()
    {
        var buffer = new byte[64];
        ushort[] lost = { 16, 17, 32, 65534, 65535, 0 };

        int length = RtcpNack.Write(buffer, 1, 2, lost);

        Assert.Equal(RtcpSamples.Nack, buffer[..length]);
        Assert.Equal(0, RtcpNack.Write(buffer, 1, 2, ReadOnlySpan<ushort>.Empty));
        Assert.Equal(0, RtcpNack.Write(new byte[16], 1, 2, lost));
    }

    [Theory]
    [InlineData(1_000_000ul)]
    [InlineData(300_000ul)]
    [InlineData(0ul)]
    [InlineData(2_500_000_000ul)]
    public void Remb_Write_ParsesBackWithinMantissaPrecision(ulong bitrate)
    {
        var buffer = new byte[64];

        int length = RtcpRemb.Write(buffer, 1, bitrate, new uint[] { 0xcafebabe, 7 });

        Assert.True(RtcpRemb.TryParse(buffer.AsSpan(0, length), out var remb));
        Assert.True(remb.Bitrate <= bitrate && bitrate - remb.Bitrate <= bitrate / (1 << 17));
        Assert.Equal(2, remb.SsrcCount);
        Assert.True(remb.TryGetSsrc(buffer, 1, out uint second));
        Assert.Equal(7u, second);
    }

    [Fact]
    public void Remb_Write1Mbps_ReproducesSample()
    {
        var buffer = new byte[64];

        int length = RtcpRemb.Write(buffer, 1, 1_000_000, new uint[] { 0xcafebabe });

        Assert.Equal(RtcpSamples.Remb, buffer[..length]);
    }

    [Fact]
    public void ReceiverReport_Write_ReproducesSample()
    {
        var buffer = new byte[64];
        var block = new RtcpReportBlock(0x55667788, 1, 5, 0x20010, 0x100, 0, 0);

        int length = RtcpReceiverReport.Write(buffer, 0x0a0b0c0d, new[] { block });

        Assert.Equal(RtcpSamples.ReceiverReport, buffer[..length]);
    }

    [Fact]
    public void ReportBlock_NegativeCumulativeLost_RoundTrips()
    {
        var buffer = new byte[24];
        Assert.True(new RtcpReportBlock(1, 2, -3, 4, 5, 6, 7).TryWrite(buffer));

        Assert.True(RtcpReportBlock.TryParse(buffer, out var block));
        Assert.Equal(-3, block.CumulativeLost);
        Assert.Equal(7u, block.DelaySinceLastSenderReport);
    }
}
