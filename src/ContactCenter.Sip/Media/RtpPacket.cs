using System.Buffers.Binary;

namespace ContactCenter.Sip.Media;

/// <summary>
/// Read-only view of an RTP header (RFC 3550 §5.1), enough for the phone leg: CSRCs, the header
/// extension (§5.3.1) and padding are skipped to find the payload.
/// </summary>
public readonly record struct RtpPacket(bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc,
    int PayloadOffset, int PayloadLength)
{
    public const int HeaderSize = 12;

    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet)
    {
        packet = default;
        if (data.Length < HeaderSize || (data[0] >> 6) != 2)
        {
            return false;
        }
        var csrcCount = data[0] & 0x0F;
        var offset = HeaderSize + 4 * csrcCount;
        if ((data[0] & 0x10) != 0)
        {
            if (data.Length < offset + 4)
            {
                return false;
            }
            offset += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
        }
        var end = data.Length;
        if ((data[0] & 0x20) != 0)
        {
            end -= data[^1];
        }
        if (offset > end)
        {
            return false;
        }
        var payloadType = (byte)(data[1] & 0x7F);
        // 72..76 would be RTCP SR/RR/SDES/BYE/APP sharing the port (RFC 5761 §4).
        if (payloadType is >= 72 and <= 76)
        {
            return false;
        }
        packet = new RtpPacket((data[1] & 0x80) != 0, payloadType, BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[4..]), BinaryPrimitives.ReadUInt32BigEndian(data[8..]), offset, end - offset);
        return true;
    }

    /// <summary>Writes a 12-byte header with no CSRC or extension.</summary>
    public static void WriteHeader(Span<byte> destination, bool marker, byte payloadType, ushort sequence, uint timestamp, uint ssrc)
    {
        destination[0] = 0x80;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
    }
}
