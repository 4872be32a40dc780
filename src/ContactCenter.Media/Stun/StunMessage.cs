using System.Buffers.Binary;
using System.Net;

namespace ContactCenter.Media.Stun;

/// <summary>
/// A validated view over one STUN message (RFC 5389 §6, RFC 8489). Parsing checks the header,
/// the magic cookie, the length and every attribute's bounds; it never allocates or throws.
/// </summary>
public readonly ref struct StunMessage
{
    private readonly ReadOnlySpan<byte> _message;

    private StunMessage(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>The whole message, header included.</summary>
    public ReadOnlySpan<byte> Packet => _message;

    public ushort MessageType => BinaryPrimitives.ReadUInt16BigEndian(_message);

    /// <summary>The message length field: bytes after the 20-byte header.</summary>
    public int Length => _message.Length - StunConstants.HeaderLength;

    public ReadOnlySpan<byte> TransactionId => _message.Slice(8, StunConstants.TransactionIdLength);

    /// <summary>
    /// Parses a datagram holding exactly one STUN message. Fails on a short header, set top bits,
    /// a wrong magic cookie, a length that is not a multiple of 4 or differs from the datagram's,
    /// or an attribute running past the end.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out StunMessage message)
    {
        message = default;
        if (!IsStunHeader(packet))
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2));
        if ((length & 3) != 0 || StunConstants.HeaderLength + length != packet.Length)
        {
            return false;
        }

        // RFC 5389 §15: every attribute is TLV padded to 4 bytes and must fit in the message.
        int offset = StunConstants.HeaderLength;
        while (offset < packet.Length)
        {
            if (packet.Length - offset < StunConstants.AttributeHeaderLength)
            {
                return false;
            }

            int valueLength = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(offset + 2));
            int next = offset + StunConstants.AttributeHeaderLength + StunConstants.Pad4(valueLength);
            if (next > packet.Length)
            {
                return false;
            }

            offset = next;
        }

        message = new StunMessage(packet);
        return true;
    }

    /// <summary>
    /// A cheap first test for demultiplexing (RFC 7983 §7, RFC 5389 §6): the two top bits are zero
    /// and the magic cookie is present.
    /// </summary>
    public static bool IsStunHeader(ReadOnlySpan<byte> packet) =>
        packet.Length >= StunConstants.HeaderLength
        && (packet[0] & 0xC0) == 0
        && BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4)) == StunConstants.MagicCookie;

    /// <summary>
    /// Finds the first attribute of <paramref name="type"/>. Attributes after MESSAGE-INTEGRITY are
    /// ignored except FINGERPRINT, and nothing after FINGERPRINT counts (RFC 5389 §15.4, §15.5).
    /// </summary>
    public bool TryGetAttribute(ushort type, out ReadOnlySpan<byte> value)
    {
        if (FindAttribute(_message, type, out int offset, out int length))
        {
            value = _message.Slice(offset + StunConstants.AttributeHeaderLength, length);
            return true;
        }

        value = default;
        return false;
    }

    public bool HasAttribute(ushort type) => FindAttribute(_message, type, out _, out _);

    /// <summary>USERNAME as raw UTF-8 (ICE: "remoteUfrag:localUfrag", RFC 8445 §7.2.2).</summary>
    public bool TryGetUsername(out ReadOnlySpan<byte> utf8) => TryGetAttribute(StunAttributeType.Username, out utf8);

    /// <summary>PRIORITY (RFC 8445 §7.1.1).</summary>
    public bool TryGetPriority(out uint priority) => TryGetUInt32(StunAttributeType.Priority, out priority);

    /// <summary>ICE-CONTROLLING tie-breaker (RFC 8445 §7.1.3).</summary>
    public bool TryGetIceControlling(out ulong tieBreaker) => TryGetUInt64(StunAttributeType.IceControlling, out tieBreaker);

    /// <summary>ICE-CONTROLLED tie-breaker (RFC 8445 §7.1.3).</summary>
    public bool TryGetIceControlled(out ulong tieBreaker) => TryGetUInt64(StunAttributeType.IceControlled, out tieBreaker);

    /// <summary>ERROR-CODE as class*100+number (RFC 5389 §15.6), reason phrase as UTF-8.</summary>
    public bool TryGetErrorCode(out int code, out ReadOnlySpan<byte> reasonUtf8)
    {
        code = 0;
        reasonUtf8 = default;
        if (!TryGetAttribute(StunAttributeType.ErrorCode, out var value) || value.Length < 4)
        {
            return false;
        }

        int errorClass = value[2] & 0x07;
        int number = value[3];
        if (errorClass < 3 || number > 99)
        {
            return false;
        }

        code = errorClass * 100 + number;
        reasonUtf8 = value.Slice(4);
        return true;
    }

    /// <summary>
    /// Decodes XOR-MAPPED-ADDRESS (RFC 5389 §15.2) into <paramref name="address"/> (at least 16 bytes),
    /// without allocating.
    /// </summary>
    public bool TryGetXorMappedAddress(Span<byte> address, out int addressLength, out ushort port)
    {
        addressLength = 0;
        port = 0;
        return TryGetAttribute(StunAttributeType.XorMappedAddress, out var value)
            && StunAddress.TryDecodeXor(value, TransactionId, address, out addressLength, out port);
    }

    /// <summary>Convenience decode of XOR-MAPPED-ADDRESS into an <see cref="IPEndPoint"/>; allocates.</summary>
    public bool TryGetXorMappedAddress(out IPEndPoint? endPoint)
    {
        Span<byte> address = stackalloc byte[16];
        if (!TryGetXorMappedAddress(address, out int length, out ushort port))
        {
            endPoint = null;
            return false;
        }

        endPoint = new IPEndPoint(new IPAddress(address.Slice(0, length)), port);
        return true;
    }

    private bool TryGetUInt32(ushort type, out uint result)
    {
        if (TryGetAttribute(type, out var value) && value.Length == 4)
        {
            result = BinaryPrimitives.ReadUInt32BigEndian(value);
            return true;
        }

        result = 0;
        return false;
    }

    private bool TryGetUInt64(ushort type, out ulong result)
    {
        if (TryGetAttribute(type, out var value) && value.Length == 8)
        {
            result = BinaryPrimitives.ReadUInt64BigEndian(value);
            return true;
        }

        result = 0;
        return false;
    }

    /// <summary>
    /// Walks the attributes of an already validated message. <paramref name="offset"/> is the
    /// attribute header's offset. Applies the ordering rules of RFC 5389 §15.4 and §15.5.
    /// </summary>
    internal static bool FindAttribute(ReadOnlySpan<byte> message, ushort type, out int offset, out int length)
    {
        bool afterIntegrity = false;
        int position = StunConstants.HeaderLength;
        while (position + StunConstants.AttributeHeaderLength <= message.Length)
        {
            ushort attributeType = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(position));
            int valueLength = BinaryPrimitives.ReadUInt16BigEndian(message.Slice(position + 2));
            if (attributeType == type && (!afterIntegrity || type == StunAttributeType.Fingerprint))
            {
                offset = position;
                length = valueLength;
                return true;
            }

            if (attributeType == StunAttributeType.Fingerprint)
            {
                break;
            }

            if (attributeType == StunAttributeType.MessageIntegrity)
            {
                afterIntegrity = true;
            }

            position += StunConstants.AttributeHeaderLength + StunConstants.Pad4(valueLength);
        }

        offset = 0;
        length = 0;
        return false;
    }
}
