using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>The common part of RFC 4585 feedback messages (§6.1): header, sender SSRC, media SSRC, FCI.</summary>
internal static class RtcpFeedback
{
    public const int FciOffset = 12;

    /// <summary>Checks type and FMT and returns the SSRCs and the FCI (padding excluded).</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> packet, byte packetType, byte format, out uint senderSsrc, out uint mediaSsrc, out int fciLength)
    {
        senderSsrc = 0;
        mediaSsrc = 0;
        fciLength = 0;
        if (!RtcpHeader.TryParse(packet, out var header) || header.PacketType != packetType || header.Format != format
            || header.ContentLength < 8)
        {
            return false;
        }

        senderSsrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4));
        mediaSsrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8));
        fciLength = header.ContentLength - 8;
        return true;
    }

    /// <summary>Writes header and SSRCs of a feedback packet of <paramref name="totalLength"/> bytes (a multiple of 4).</summary>
    public static void WriteHeader(Span<byte> destination, byte packetType, byte format, int totalLength, uint senderSsrc, uint mediaSsrc)
    {
        destination[0] = (byte)(0x80 | format);
        destination[1] = packetType;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)(totalLength / 4 - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), senderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), mediaSsrc);
    }
}
