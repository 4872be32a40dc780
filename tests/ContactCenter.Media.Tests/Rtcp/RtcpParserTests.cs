using System.Buffers.Binary;
using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Tests.Rtcp;

public class RtcpParserTests
{
    [Fact]
    public void SenderReport_Sample_ParsesSenderInfoAndBlock()
    {
        var packet = RtcpSamples.SenderReport;

        Assert.True(RtcpSenderReport.TryParse(packet, out var sr));

        Assert.Equal(0x11223344u, sr.Ssrc);
        Assert.Equal(0xe8a1b2c3d4e5f607ul, sr.NtpTimestamp);
        Assert.Equal(0xb2c3d4e5u, sr.CompactNtpTimestamp);
        Assert.Equal(0x10000u, sr.RtpTimestamp);
        Assert.Equal(100u, sr.PacketCount);
        Assert.Equal(16000u, sr.OctetCount);
        Assert.Equal(1, sr.ReportCount);
        Assert.True(sr.TryGetReportBlock(packet, 0, out var block));
        Assert.Equal(0x55667788u, block.Ssrc);
        Assert.Equal(0x40, block.FractionLost);
        Assert.Equal(-2, block.CumulativeLost);
        Assert.Equal(0x11234u, block.ExtendedHighestSequence);
        Assert.Equal(0x20u, block.Jitter);
        Assert.Equal(0xa1b2c3d4u, block.LastSenderReport);
        Assert.Equal(0x10000u, block.DelaySinceLastSenderReport);
        Assert.False(sr.TryGetReportBlock(packet, 1, out _));
        Assert.False(sr.TryGetReportBlock(packet, -1, out _));
    }

    [Fact]
    public void ReceiverReport_Sample_ParsesBlock()
    {
        var packet = RtcpSamples.ReceiverReport;

        Assert.True(RtcpReceiverReport.TryParse(packet, out var rr));

        Assert.Equal(0x0a0b0c0du, rr.Ssrc);
        Assert.Equal(1, rr.ReportCount);
        Assert.True(rr.TryGetReportBlock(packet, 0, out var block));
        Assert.Equal(0x55667788u, block.Ssrc);
        Assert.Equal(1, block.FractionLost);
        Assert.Equal(5, block.CumulativeLost);
        Assert.Equal(0x20010u, block.ExtendedHighestSequence);
        Assert.Equal(0x100u, block.Jitter);
    }

    [Fact]
    public void Pli_Sample_ParsesSsrcs()
    {
        Assert.True(RtcpPli.TryParse(RtcpSamples.Pli, out var pli));

        Assert.Equal(1u, pli.SenderSsrc);
        Assert.Equal(2u, pli.MediaSsrc);
        Assert.False(RtcpFir.TryParse(RtcpSamples.Pli, out _));
        Assert.False(RtcpRemb.TryParse(RtcpSamples.Pli, out _));
    }

    [Fact]
    public void Fir_Sample_ParsesEntries()
    {
        var packet = RtcpSamples.Fir;

        Assert.True(RtcpFir.TryParse(packet, out var fir));

        Assert.Equal(1u, fir.SenderSsrc);
        Assert.Equal(2, fir.EntryCount);
        Assert.True(fir.TryGetEntry(packet, 0, out var first));
        Assert.Equal(new RtcpFirEntry(3, 7), first);
        Assert.True(fir.TryGetEntry(packet, 1, out var second));
        Assert.Equal(new RtcpFirEntry(4, 8), second);
        Assert.False(fir.TryGetEntry(packet, 2, out _));
        Assert.False(RtcpPli.TryParse(packet, out _));
    }

    [Fact]
    public void Nack_Sample_ExpandsLostSequenceNumbersAcrossWrap()
    {
        var packet = RtcpSamples.Nack;

        Assert.True(RtcpNack.TryParse(packet, out var nack));

        Assert.Equal(1u, nack.SenderSsrc);
        Assert.Equal(2u, nack.MediaSsrc);
        Assert.Equal(2, nack.ItemCount);
        Assert.True(nack.TryGetItem(packet, 1, out ushort pid, out ushort blp));
        Assert.Equal(65534, pid);
        Assert.Equal(3, blp);
        Span<ushort> lost = stackalloc ushort[16];
        int count = nack.CopyLostSequenceNumbers(packet, lost);
        Assert.Equal(new ushort[] { 16, 17, 32, 65534, 65535, 0 }, lost.Slice(0, count).ToArray());
        Assert.Equal(2, nack.CopyLostSequenceNumbers(packet, lost.Slice(0, 2)));
    }

    [Fact]
    public void Remb_Sample_ParsesBitrateAndSsrcs()
    {
        var packet = RtcpSamples.Remb;

        Assert.True(RtcpRemb.TryParse(packet, out var remb));

        Assert.Equal(1u, remb.SenderSsrc);
        Assert.Equal(1_000_000ul, remb.Bitrate);
        Assert.Equal(1, remb.SsrcCount);
        Assert.True(remb.TryGetSsrc(packet, 0, out uint ssrc));
        Assert.Equal(0xcafebabeu, ssrc);
        Assert.False(remb.TryGetSsrc(packet, 1, out _));
        Assert.False(RtcpPli.TryParse(packet, out _));
    }

    [Fact]
    public void Remb_HugeExponent_SaturatesBitrate()
    {
        var packet = (byte[])RtcpSamples.Remb.Clone();
        packet[17] = 0xFF; // exponent 63, mantissa high bits set
        packet[18] = 0xFF;
        packet[19] = 0xFF;

        Assert.True(RtcpRemb.TryParse(packet, out var remb));
        Assert.Equal(ulong.MaxValue, remb.Bitrate);
    }

    [Fact]
    public void Remb_NotRembIdentifier_False()
    {
        var packet = (byte[])RtcpSamples.Remb.Clone();
        packet[15] = (byte)'X';

        Assert.False(RtcpRemb.TryParse(packet, out _));
    }

    [Fact]
    public void Remb_SsrcCountBeyondPacket_False()
    {
        var packet = (byte[])RtcpSamples.Remb.Clone();
        packet[16] = 2;

        Assert.False(RtcpRemb.TryParse(packet, out _));
    }

    [Theory]
    [MemberData(nameof(RtcpSamples.Names), MemberType = typeof(RtcpSamples))]
    public void TryParse_EveryTruncation_False(string name)
    {
        var packet = RtcpSamples.ByName(name);
        Assert.True(RtcpSamples.Parse(name, packet));

        for (int length = 0; length < packet.Length; length++)
        {
            Assert.False(RtcpSamples.Parse(name, packet.AsSpan(0, length)), $"{name} cut at {length}");
        }
    }

    [Theory]
    [MemberData(nameof(RtcpSamples.Names), MemberType = typeof(RtcpSamples))]
    public void TryParse_EveryWrongLengthField_NeverThrowsAndLongerIsRejected(string name)
    {
        var packet = (byte[])RtcpSamples.ByName(name).Clone();
        int correct = BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2));
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)value);
            bool parsed = RtcpSamples.Parse(name, packet);
            if (value > correct)
            {
                Assert.False(parsed, $"{name} length {value}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RtcpSamples.Names), MemberType = typeof(RtcpSamples))]
    public void TryParse_ReportOrItemCountTooLargeForLength_False(string name)
    {
        var packet = (byte[])RtcpSamples.ByName(name).Clone();
        // Shrink the packet by one word while keeping the content: blocks/entries no longer fit.
        int length = BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)(length - 1));

        bool parsed = RtcpSamples.Parse(name, packet);

        // A NACK or FIR one item shorter is still a valid NACK/FIR; everything else must fail.
        Assert.Equal(name is "nack", parsed);
    }

    [Fact]
    public void TryParse_WrongVersion_False()
    {
        foreach (string name in new[] { "sr", "rr", "pli", "fir", "nack", "remb" })
        {
            var packet = (byte[])RtcpSamples.ByName(name).Clone();
            packet[0] &= 0x3F;
            Assert.False(RtcpSamples.Parse(name, packet), name);
        }
    }

    [Fact]
    public void Header_Padding_ExcludedFromContent()
    {
        // An RR with no blocks padded by 4 bytes (RFC 3550 §6.4.1).
        var packet = RfcHex.Parse("a0 c9 00 02  0a 0b 0c 0d  00 00 00 04");

        Assert.True(RtcpHeader.TryParse(packet, out var header));
        Assert.Equal(12, header.PacketLength);
        Assert.Equal(4, header.PaddingLength);
        Assert.Equal(4, header.ContentLength);
        Assert.True(RtcpReceiverReport.TryParse(packet, out var rr));
        Assert.Equal(0, rr.ReportCount);

        packet[^1] = 12; // padding would eat the header
        Assert.False(RtcpHeader.TryParse(packet, out _));
        packet[^1] = 0;
        Assert.False(RtcpHeader.TryParse(packet, out _));
    }
}
