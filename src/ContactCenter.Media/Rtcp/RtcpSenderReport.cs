using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>Sender report (PT 200, RFC 3550 §6.4.1): sender info and up to 31 report blocks.</summary>
internal readonly struct RtcpSenderReport
{
    private const int BlocksOffset = RtcpHeader.Length + 4 + 20;

    private RtcpSenderReport(ReadOnlySpan<byte> packet, int reportCount)
    {
        Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4));
        NtpTimestamp = BinaryPrimitives.ReadUInt64BigEndian(packet.Slice(8));
        RtpTimestamp = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(16));
        PacketCount = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(20));
        OctetCount = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(24));
        ReportCount = reportCount;
    }

    public uint Ssrc { get; }

    /// <summary>64-bit NTP timestamp (seconds since 1900 in the high 32 bits, fraction in the low).</summary>
    public ulong NtpTimestamp { get; }

    /// <summary>The middle 32 bits of the NTP timestamp, as receivers echo them in LSR.</summary>
    public uint CompactNtpTimestamp => (uint)(NtpTimestamp >> 16);

    public uint RtpTimestamp { get; }
    public uint PacketCount { get; }
    public uint OctetCount { get; }
    public int ReportCount { get; }

    /// <summary>Parses the SR at the start of <paramref name="packet"/>; its report blocks must all be present.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtcpSenderReport report)
    {
        report = default;
        if (!RtcpHeader.TryParse(packet, out var header) || header.PacketType != RtcpPacketType.SenderReport
            || header.ContentLength < 24 + header.Count * RtcpReportBlock.Length)
        {
            return false;
        }

        report = new RtcpSenderReport(packet, header.Count);
        return true;
    }

    /// <summary>Reads report block <paramref name="index"/> from the packet this report was parsed from.</summary>
    public bool TryGetReportBlock(ReadOnlySpan<byte> packet, int index, out RtcpReportBlock block) =>
        RtcpReportBlock.TryRead(packet, BlocksOffset, ReportCount, index, out block);
}
