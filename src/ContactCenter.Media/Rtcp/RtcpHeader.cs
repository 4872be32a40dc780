using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// The common header of one RTCP packet (RFC 3550 §6.4.1): V=2, P, count/FMT, PT, length in 32-bit words
/// minus one. <see cref="TryParse"/> checks that the packet it describes fits in the input.
/// </summary>
public readonly struct RtcpHeader
{
    public const int Length = 4;

    private RtcpHeader(byte first, byte packetType, int packetLength, int paddingLength)
    {
        Padding = (first & 0x20) != 0;
        Count = (byte)(first & 0x1F);
        PacketType = packetType;
        PacketLength = packetLength;
        PaddingLength = paddingLength;
    }

    public bool Padding { get; }

    /// <summary>Reception report or source count; the FMT of feedback packets (RFC 4585 §6.1).</summary>
    public byte Count { get; }

    public byte Format => Count;

    public byte PacketType { get; }

    /// <summary>Bytes of this packet, header and padding included: 4 × (length field + 1).</summary>
    public int PacketLength { get; }

    /// <summary>Padding bytes at the end of this packet (RFC 3550 §6.4.1), the count byte included.</summary>
    public int PaddingLength { get; }

    /// <summary>Bytes after the 4-byte header, without padding.</summary>
    public int ContentLength => PacketLength - Length - PaddingLength;

    /// <summary>Parses the header at the start of <paramref name="data"/>; the whole packet must be present.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtcpHeader header)
    {
        header = default;
        if (data.Length < Length || data[0] >> 6 != 2)
        {
            return false;
        }

        int packetLength = (BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2)) + 1) * 4;
        if (packetLength > data.Length)
        {
            return false;
        }

        int paddingLength = 0;
        if ((data[0] & 0x20) != 0)
        {
            paddingLength = data[packetLength - 1];
            if (paddingLength == 0 || paddingLength > packetLength - Length)
            {
                return false;
            }
        }

        header = new RtcpHeader(data[0], data[1], packetLength, paddingLength);
        return true;
    }
}
