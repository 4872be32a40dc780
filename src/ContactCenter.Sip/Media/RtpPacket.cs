using System.Buffers.Binary;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Sip.Media;

/// <summary>
/// The fields of an RTP packet (RFC 3550 §5.1) the phone leg needs, read through the Media project's
/// parser (CSRCs, header extension and padding skipped to find the payload), plus a plain header writer.
/// </summary>
public readonly record struct RtpPacket(bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc,
    int PayloadOffset, int PayloadLength)
{
    public const int HeaderSize = 12;

    /// <summary>Parses with the SFU's <see cref="RtpHeader"/> parser and rejects RTCP sharing the port.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet)
    {
        packet = default;
        if (!RtpHeader.TryParse(data, out var header))
        {
            return false;
        }
        // 72..76 would be RTCP SR/RR/SDES/BYE/APP sharing the port (RFC 5761 §4).
        if (header.PayloadType is >= 72 and <= 76)
        {
            return false;
        }
        packet = new RtpPacket(header.Marker, header.PayloadType, header.SequenceNumber, header.Timestamp, header.Ssrc,
            header.PayloadOffset, header.PayloadLength);
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
