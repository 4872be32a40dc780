using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>Receiver report (PT 201, RFC 3550 §6.4.2): reporter SSRC and up to 31 report blocks.</summary>
internal readonly struct RtcpReceiverReport
{
    private const int BlocksOffset = RtcpHeader.Length + 4;

    private RtcpReceiverReport(uint ssrc, int reportCount)
    {
        Ssrc = ssrc;
        ReportCount = reportCount;
    }

    public uint Ssrc { get; }
    public int ReportCount { get; }

    public static bool TryParse(ReadOnlySpan<byte> packet, out RtcpReceiverReport report)
    {
        report = default;
        if (!RtcpHeader.TryParse(packet, out var header) || header.PacketType != RtcpPacketType.ReceiverReport
            || header.ContentLength < 4 + header.Count * RtcpReportBlock.Length)
        {
            return false;
        }

        report = new RtcpReceiverReport(BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4)), header.Count);
        return true;
    }

    /// <summary>Reads report block <paramref name="index"/> from the packet this report was parsed from.</summary>
    public bool TryGetReportBlock(ReadOnlySpan<byte> packet, int index, out RtcpReportBlock block) =>
        RtcpReportBlock.TryRead(packet, BlocksOffset, ReportCount, index, out block);

    /// <summary>Writes an RR with up to 31 blocks. Returns the length, or 0 if it does not fit.</summary>
    public static int Write(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        int length = BlocksOffset + blocks.Length * RtcpReportBlock.Length;
        if (blocks.Length > 31 || destination.Length < length)
        {
            return 0;
        }

        destination[0] = (byte)(0x80 | blocks.Length);
        destination[1] = RtcpPacketType.ReceiverReport;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)(length / 4 - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i].TryWrite(destination.Slice(BlocksOffset + i * RtcpReportBlock.Length));
        }

        return length;
    }
}
