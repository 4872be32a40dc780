using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1), 24 bytes.</summary>
internal readonly struct RtcpReportBlock
{
    public const int Length = 24;

    private RtcpReportBlock(ReadOnlySpan<byte> block)
    {
        Ssrc = BinaryPrimitives.ReadUInt32BigEndian(block);
        FractionLost = block[4];
        // 24-bit signed cumulative loss (it may go negative with duplicates).
        int raw = (block[5] << 16) | (block[6] << 8) | block[7];
        CumulativeLost = (raw << 8) >> 8;
        ExtendedHighestSequence = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(8));
        Jitter = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(12));
        LastSenderReport = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(16));
        DelaySinceLastSenderReport = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(20));
    }

    /// <summary>A block to write (e.g. in a receiver report the SFU terminates).</summary>
    public RtcpReportBlock(
        uint ssrc, byte fractionLost, int cumulativeLost, uint extendedHighestSequence, uint jitter,
        uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        Ssrc = ssrc;
        FractionLost = fractionLost;
        CumulativeLost = Math.Clamp(cumulativeLost, -0x800000, 0x7FFFFF);
        ExtendedHighestSequence = extendedHighestSequence;
        Jitter = jitter;
        LastSenderReport = lastSenderReport;
        DelaySinceLastSenderReport = delaySinceLastSenderReport;
    }

    public uint Ssrc { get; }
    public byte FractionLost { get; }
    public int CumulativeLost { get; }
    public uint ExtendedHighestSequence { get; }
    public uint Jitter { get; }

    /// <summary>Middle 32 bits of the NTP timestamp of the last SR received (LSR).</summary>
    public uint LastSenderReport { get; }

    /// <summary>Delay since that SR in 1/65536 s (DLSR).</summary>
    public uint DelaySinceLastSenderReport { get; }

    public static bool TryParse(ReadOnlySpan<byte> data, out RtcpReportBlock block)
    {
        if (data.Length < Length)
        {
            block = default;
            return false;
        }

        block = new RtcpReportBlock(data);
        return true;
    }

    /// <summary>Writes the 24-byte block; false if <paramref name="destination"/> is shorter.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ((uint)FractionLost << 24) | ((uint)CumulativeLost & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12), Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), DelaySinceLastSenderReport);
        return true;
    }

    /// <summary>Reads block <paramref name="index"/> of a report whose blocks start at <paramref name="blocksOffset"/>.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> packet, int blocksOffset, int count, int index, out RtcpReportBlock block)
    {
        block = default;
        return (uint)index < (uint)count
            && TryParse(packet.Slice(Math.Min(packet.Length, blocksOffset + index * Length)), out block);
    }
}
