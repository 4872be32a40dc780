using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>Full Intra Request (PSFB FMT 4, RFC 5104 §4.3.1): one or more 8-byte FCI entries.</summary>
internal readonly struct RtcpFir
{
    public const int EntryLength = 8;

    private RtcpFir(uint senderSsrc, uint mediaSsrc, int entryCount)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        EntryCount = entryCount;
    }

    public uint SenderSsrc { get; }

    /// <summary>Unused by FIR (RFC 5104 §4.3.1.2 sets it to 0); the targets are in the entries.</summary>
    public uint MediaSsrc { get; }

    public int EntryCount { get; }

    public static bool TryParse(ReadOnlySpan<byte> packet, out RtcpFir fir)
    {
        fir = default;
        if (!RtcpFeedback.TryParse(packet, RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatFir,
                out uint sender, out uint media, out int fciLength)
            || fciLength < EntryLength || fciLength % EntryLength != 0)
        {
            return false;
        }

        fir = new RtcpFir(sender, media, fciLength / EntryLength);
        return true;
    }

    /// <summary>Reads entry <paramref name="index"/> from the packet this FIR was parsed from.</summary>
    public bool TryGetEntry(ReadOnlySpan<byte> packet, int index, out RtcpFirEntry entry)
    {
        int offset = RtcpFeedback.FciOffset + index * EntryLength;
        if ((uint)index >= (uint)EntryCount || packet.Length < offset + EntryLength)
        {
            entry = default;
            return false;
        }

        entry = new RtcpFirEntry(BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(offset)), packet[offset + 4]);
        return true;
    }

    /// <summary>Writes a FIR with one entry. Returns 20, or 0 if it does not fit.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, uint targetSsrc, byte sequenceNumber)
    {
        const int length = RtcpFeedback.FciOffset + EntryLength;
        if (destination.Length < length)
        {
            return 0;
        }

        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatFir, length, senderSsrc, 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12), targetSsrc);
        destination[16] = sequenceNumber;
        destination.Slice(17, 3).Clear();
        return length;
    }
}
