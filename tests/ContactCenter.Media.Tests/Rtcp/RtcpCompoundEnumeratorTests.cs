using System.Buffers.Binary;
using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Tests.Rtcp;

public class RtcpCompoundEnumeratorTests
{
    private static readonly byte[] Compound = RtcpSamples.Compound(
        RtcpSamples.SenderReport, RtcpSamples.SourceDescription, RtcpSamples.Pli, RtcpSamples.Nack, RtcpSamples.Remb);

    [Fact]
    public void Enumerate_Compound_YieldsEveryPacketInOrder()
    {
        var types = new List<(byte Type, byte Format, int Length)>();
        var enumerator = new RtcpCompoundEnumerator(Compound);
        foreach (var packet in enumerator)
        {
            Assert.True(RtcpHeader.TryParse(packet, out var header));
            types.Add((header.PacketType, header.Format, packet.Length));
        }

        Assert.Equal(
            new[]
            {
                (RtcpPacketType.SenderReport, (byte)1, 52),
                (RtcpPacketType.SourceDescription, (byte)1, 16),
                (RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatPli, 12),
                (RtcpPacketType.TransportFeedback, RtcpPacketType.FormatNack, 20),
                (RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatApplicationLayer, 24),
            },
            types);
        Assert.True(RtcpCompoundEnumerator.IsWellFormed(Compound));
    }

    [Fact]
    public void Enumerate_Compound_PacketsParseWithTheirParsers()
    {
        int parsed = 0;
        var enumerator = new RtcpCompoundEnumerator(Compound);
        while (enumerator.MoveNext())
        {
            var packet = enumerator.Current;
            var header = enumerator.CurrentHeader;
            parsed += header.PacketType switch
            {
                RtcpPacketType.SenderReport when RtcpSenderReport.TryParse(packet, out _) => 1,
                RtcpPacketType.TransportFeedback when RtcpNack.TryParse(packet, out _) => 1,
                RtcpPacketType.PayloadSpecificFeedback when RtcpPli.TryParse(packet, out _) || RtcpRemb.TryParse(packet, out _) => 1,
                _ => 0,
            };
        }

        Assert.False(enumerator.IsMalformed);
        Assert.Equal(4, parsed);
    }

    [Fact]
    public void Enumerate_EveryTruncation_MalformedUnlessAtPacketBoundary()
    {
        int[] boundaries = { 52, 68, 80, 100 };
        for (int length = 0; length < Compound.Length; length++)
        {
            var enumerator = new RtcpCompoundEnumerator(Compound.AsSpan(0, length));
            int seen = 0;
            int bytes = 0;
            while (enumerator.MoveNext())
            {
                seen++;
                bytes += enumerator.Current.Length;
            }

            bool atBoundary = Array.IndexOf(boundaries, length) >= 0;
            Assert.Equal(!atBoundary && length > 0, enumerator.IsMalformed);
            Assert.Equal(atBoundary, RtcpCompoundEnumerator.IsWellFormed(Compound.AsSpan(0, length)));
            Assert.True(bytes <= length);
        }
    }

    [Fact]
    public void Enumerate_EveryFirstLengthValue_NeverThrowsAndStaysInBounds()
    {
        var compound = (byte[])Compound.Clone();
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(compound.AsSpan(2), (ushort)value);
            var enumerator = new RtcpCompoundEnumerator(compound);
            int bytes = 0;
            while (enumerator.MoveNext())
            {
                bytes += enumerator.Current.Length;
            }

            Assert.True(bytes <= compound.Length);
            if ((value + 1) * 4 > compound.Length)
            {
                Assert.True(enumerator.IsMalformed);
            }
        }
    }

    [Fact]
    public void Enumerate_Empty_NothingAndNotWellFormed()
    {
        var enumerator = new RtcpCompoundEnumerator(ReadOnlySpan<byte>.Empty);

        Assert.False(enumerator.MoveNext());
        Assert.False(enumerator.IsMalformed);
        Assert.False(RtcpCompoundEnumerator.IsWellFormed(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Enumerate_WarmedUp_AllocatesNothing()
    {
        Walk();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Walk();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Walk()
        {
            var enumerator = new RtcpCompoundEnumerator(Compound);
            while (enumerator.MoveNext())
            {
                RtcpSenderReport.TryParse(enumerator.Current, out _);
                RtcpNack.TryParse(enumerator.Current, out _);
                RtcpRemb.TryParse(enumerator.Current, out _);
            }
        }
    }
}
