using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// A parsed RTP fixed header with CSRCs, header extension and padding (RFC 3550 §5.1, RFC 8285).
/// <see cref="TryParse"/> rejects truncated or inconsistent packets and never throws or allocates.
/// </summary>
public readonly struct RtpHeader
{
    public const int FixedLength = 12;
    public const ushort OneByteExtensionProfile = 0xBEDE;

    /// <summary>Two-byte extensions use 0x100 followed by 4 application bits (RFC 8285 §4.3).</summary>
    public const ushort TwoByteExtensionProfileMask = 0xFFF0;
    public const ushort TwoByteExtensionProfile = 0x1000;

    private RtpHeader(
        byte first, byte second, ushort sequenceNumber, uint timestamp, uint ssrc, int headerLength,
        ushort extensionProfile, int extensionOffset, int extensionLength, int paddingLength, int packetLength)
    {
        Version = first >> 6;
        Padding = (first & 0x20) != 0;
        Extension = (first & 0x10) != 0;
        CsrcCount = first & 0x0F;
        Marker = (second & 0x80) != 0;
        PayloadType = (byte)(second & 0x7F);
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        HeaderLength = headerLength;
        ExtensionProfile = extensionProfile;
        ExtensionOffset = extensionOffset;
        ExtensionLength = extensionLength;
        PaddingLength = paddingLength;
        PacketLength = packetLength;
    }

    public int Version { get; }
    public bool Padding { get; }
    public bool Extension { get; }
    public int CsrcCount { get; }
    public bool Marker { get; }
    public byte PayloadType { get; }
    public ushort SequenceNumber { get; }
    public uint Timestamp { get; }
    public uint Ssrc { get; }

    /// <summary>Fixed header, CSRCs and the extension (its 4-byte header included).</summary>
    public int HeaderLength { get; }

    /// <summary>The extension's "defined by profile" field; 0 when there is no extension.</summary>
    public ushort ExtensionProfile { get; }

    /// <summary>Offset of the extension data (after its 4-byte header); 0 when there is none.</summary>
    public int ExtensionOffset { get; }

    /// <summary>Length of the extension data in bytes (4 × the length field).</summary>
    public int ExtensionLength { get; }

    /// <summary>Padding bytes at the end, the count byte included (RFC 3550 §5.1).</summary>
    public int PaddingLength { get; }

    public int PacketLength { get; }

    public int PayloadOffset => HeaderLength;

    public int PayloadLength => PacketLength - HeaderLength - PaddingLength;

    public bool HasOneByteExtensions => Extension && ExtensionProfile == OneByteExtensionProfile;

    public bool HasTwoByteExtensions =>
        Extension && (ExtensionProfile & TwoByteExtensionProfileMask) == TwoByteExtensionProfile;

    /// <summary>Parses a plain RTP packet (version 2) including its padding.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (!TryParseHeader(packet, out int headerLength, out ushort profile, out int extensionOffset, out int extensionLength))
        {
            return false;
        }

        int paddingLength = 0;
        if ((packet[0] & 0x20) != 0)
        {
            // RFC 3550 §5.1: the last octet counts the padding, itself included.
            paddingLength = packet[^1];
            if (paddingLength == 0 || paddingLength > packet.Length - headerLength)
            {
                return false;
            }
        }

        header = new RtpHeader(
            packet[0], packet[1],
            BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2)),
            BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4)),
            BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8)),
            headerLength, profile, extensionOffset, extensionLength, paddingLength, packet.Length);
        return true;
    }

    /// <summary>
    /// The header length of an RTP or SRTP packet: fixed header, CSRCs and extension, without looking at
    /// padding (encrypted in SRTP). False when the packet is not version 2 or is shorter than its header.
    /// </summary>
    public static bool TryGetHeaderLength(ReadOnlySpan<byte> packet, out int headerLength) =>
        TryParseHeader(packet, out headerLength, out _, out _, out _);

    /// <summary>
    /// Finds header extension element <paramref name="id"/> in <paramref name="packet"/> (the span this header
    /// was parsed from), in the one-byte (RFC 8285 §4.2) or two-byte (§4.3) form.
    /// </summary>
    public bool TryGetExtension(ReadOnlySpan<byte> packet, byte id, out ReadOnlySpan<byte> value)
    {
        if (packet.Length >= ExtensionOffset + ExtensionLength
            && FindExtension(packet, ExtensionProfile, ExtensionOffset, ExtensionLength, id, out int offset, out int length))
        {
            value = packet.Slice(offset, length);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Locates extension element <paramref name="id"/> of an RTP packet as an offset into it.</summary>
    public static bool TryFindExtension(ReadOnlySpan<byte> packet, byte id, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        return TryParseHeader(packet, out _, out ushort profile, out int extensionOffset, out int extensionLength)
            && FindExtension(packet, profile, extensionOffset, extensionLength, id, out offset, out length);
    }

    private static bool FindExtension(
        ReadOnlySpan<byte> packet, ushort profile, int extensionOffset, int extensionLength, byte id, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        if (extensionOffset == 0 || id == 0)
        {
            return false;
        }

        var block = packet.Slice(extensionOffset, extensionLength);
        bool found = profile == OneByteExtensionProfile
            ? RtpHeaderExtensions.TryFindOneByte(block, id, out offset, out length)
            : (profile & TwoByteExtensionProfileMask) == TwoByteExtensionProfile
              && RtpHeaderExtensions.TryFindTwoByte(block, id, out offset, out length);
        offset += extensionOffset;
        return found;
    }

    private static bool TryParseHeader(
        ReadOnlySpan<byte> packet, out int headerLength, out ushort profile, out int extensionOffset, out int extensionLength)
    {
        headerLength = 0;
        profile = 0;
        extensionOffset = 0;
        extensionLength = 0;
        if (packet.Length < FixedLength || packet[0] >> 6 != 2)
        {
            return false;
        }

        int length = FixedLength + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0)
        {
            // RFC 3550 §5.3.1: 16-bit profile, 16-bit length in 32-bit words, then the data.
            if (packet.Length < length + 4)
            {
                return false;
            }

            profile = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(length));
            extensionLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(length + 2));
            extensionOffset = length + 4;
            length = extensionOffset + extensionLength;
        }

        if (packet.Length < length)
        {
            return false;
        }

        headerLength = length;
        return true;
    }
}
