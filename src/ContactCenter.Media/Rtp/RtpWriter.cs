using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// In-place rewrites of RTP header fields for forwarding (RFC 3550 §5.1). Each method expects a packet of
/// at least the 12-byte fixed header and returns false otherwise.
/// </summary>
internal static class RtpWriter
{
    /// <summary>Rewrites the payload type, keeping the marker bit.</summary>
    public static bool SetPayloadType(Span<byte> packet, byte payloadType)
    {
        if (packet.Length < RtpHeader.FixedLength || payloadType > 127)
        {
            return false;
        }

        packet[1] = (byte)((packet[1] & 0x80) | payloadType);
        return true;
    }

    public static bool SetMarker(Span<byte> packet, bool marker)
    {
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        packet[1] = (byte)(marker ? packet[1] | 0x80 : packet[1] & 0x7F);
        return true;
    }

    public static bool SetSequenceNumber(Span<byte> packet, ushort sequenceNumber) =>
        packet.Length >= RtpHeader.FixedLength && BinaryPrimitives.TryWriteUInt16BigEndian(packet.Slice(2), sequenceNumber);

    public static bool SetTimestamp(Span<byte> packet, uint timestamp) =>
        packet.Length >= RtpHeader.FixedLength && BinaryPrimitives.TryWriteUInt32BigEndian(packet.Slice(4), timestamp);

    public static bool SetSsrc(Span<byte> packet, uint ssrc) =>
        packet.Length >= RtpHeader.FixedLength && BinaryPrimitives.TryWriteUInt32BigEndian(packet.Slice(8), ssrc);

    /// <summary>
    /// Overwrites the value of extension element <paramref name="id"/> with a value of the same length
    /// (e.g. a rewritten abs-send-time or transport-wide sequence number). False when absent or of another length.
    /// </summary>
    public static bool TryOverwriteExtension(Span<byte> packet, byte id, ReadOnlySpan<byte> value)
    {
        if (!RtpHeader.TryFindExtension(packet, id, out int offset, out int length) || length != value.Length)
        {
            return false;
        }

        value.CopyTo(packet.Slice(offset));
        return true;
    }
}
