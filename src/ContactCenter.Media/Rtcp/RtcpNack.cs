using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Generic NACK (RTPFB FMT 1, RFC 4585 §6.2.1): FCI items of a packet id (PID) and a bitmask of the 16
/// following lost packets (BLP).
/// </summary>
internal readonly struct RtcpNack
{
    public const int ItemLength = 4;

    private RtcpNack(uint senderSsrc, uint mediaSsrc, int itemCount)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        ItemCount = itemCount;
    }

    public uint SenderSsrc { get; }

    /// <summary>The SSRC whose packets are reported lost.</summary>
    public uint MediaSsrc { get; }

    public int ItemCount { get; }

    public static bool TryParse(ReadOnlySpan<byte> packet, out RtcpNack nack)
    {
        nack = default;
        if (!RtcpFeedback.TryParse(packet, RtcpPacketType.TransportFeedback, RtcpPacketType.FormatNack,
                out uint sender, out uint media, out int fciLength)
            || fciLength < ItemLength || fciLength % ItemLength != 0)
        {
            return false;
        }

        nack = new RtcpNack(sender, media, fciLength / ItemLength);
        return true;
    }

    /// <summary>Reads FCI item <paramref name="index"/> from the packet this NACK was parsed from.</summary>
    public bool TryGetItem(ReadOnlySpan<byte> packet, int index, out ushort packetId, out ushort lostBitmask)
    {
        int offset = RtcpFeedback.FciOffset + index * ItemLength;
        if ((uint)index >= (uint)ItemCount || packet.Length < offset + ItemLength)
        {
            packetId = 0;
            lostBitmask = 0;
            return false;
        }

        packetId = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(offset));
        lostBitmask = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(offset + 2));
        return true;
    }

    /// <summary>
    /// Expands every item into the sequence numbers it reports lost: PID, then PID+i+1 for each set bit i of
    /// BLP. Writes at most <paramref name="destination"/>.Length numbers and returns how many it wrote.
    /// </summary>
    public int CopyLostSequenceNumbers(ReadOnlySpan<byte> packet, Span<ushort> destination)
    {
        int written = 0;
        for (int item = 0; item < ItemCount && written < destination.Length; item++)
        {
            if (!TryGetItem(packet, item, out ushort packetId, out ushort bitmask))
            {
                break;
            }

            destination[written++] = packetId;
            for (int bit = 0; bit < 16 && written < destination.Length; bit++)
            {
                if ((bitmask & (1 << bit)) != 0)
                {
                    destination[written++] = (ushort)(packetId + bit + 1);
                }
            }
        }

        return written;
    }

    /// <summary>
    /// Writes a NACK for <paramref name="lost"/> (ascending, wrap-aware), packing neighbours within 16 into
    /// one item. Returns the length, or 0 if it does not fit or nothing is lost.
    /// </summary>
    public static int Write(Span<byte> destination, uint senderSsrc, uint mediaSsrc, ReadOnlySpan<ushort> lost)
    {
        if (lost.IsEmpty || destination.Length < RtcpFeedback.FciOffset + ItemLength)
        {
            return 0;
        }

        int offset = RtcpFeedback.FciOffset;
        int i = 0;
        while (i < lost.Length)
        {
            if (destination.Length < offset + ItemLength || offset + ItemLength > ushort.MaxValue * 4)
            {
                return 0;
            }

            ushort packetId = lost[i++];
            ushort bitmask = 0;
            while (i < lost.Length)
            {
                int distance = (ushort)(lost[i] - packetId);
                if (distance is < 1 or > 16)
                {
                    break;
                }

                bitmask |= (ushort)(1 << (distance - 1));
                i++;
            }

            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset), packetId);
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset + 2), bitmask);
            offset += ItemLength;
        }

        RtcpFeedback.WriteHeader(destination, RtcpPacketType.TransportFeedback, RtcpPacketType.FormatNack, offset, senderSsrc, mediaSsrc);
        return offset;
    }
}
