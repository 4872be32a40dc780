using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Media.Stun;

/// <summary>
/// Builds one STUN message in a caller's buffer without allocating. Every append keeps the header's
/// length field current, so MESSAGE-INTEGRITY and FINGERPRINT are computed over the right length
/// (RFC 5389 §15.4, §15.5). A destination that is too small is a programming error and throws.
/// </summary>
public ref struct StunWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    /// <summary>Writes the 20-byte header of a message of <paramref name="messageType"/>.</summary>
    public StunWriter(Span<byte> buffer, ushort messageType, scoped ReadOnlySpan<byte> transactionId)
    {
        if (transactionId.Length != StunConstants.TransactionIdLength)
        {
            throw new ArgumentException("A transaction id has 12 bytes.", nameof(transactionId));
        }

        if (buffer.Length < StunConstants.HeaderLength)
        {
            ThrowTooSmall();
        }

        _buffer = buffer;
        BinaryPrimitives.WriteUInt16BigEndian(buffer, messageType);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.Slice(2), 0);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.Slice(4), StunConstants.MagicCookie);
        transactionId.CopyTo(buffer.Slice(8));
        _length = StunConstants.HeaderLength;
    }

    /// <summary>Bytes written so far (header included).</summary>
    public readonly int Length => _length;

    /// <summary>The message written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    /// <summary>Appends an attribute, padding its value with zeros to 4 bytes (RFC 8489 §14).</summary>
    public void AddAttribute(ushort type, scoped ReadOnlySpan<byte> value) => AddAttribute(type, value, 0);

    /// <summary>
    /// Appends an attribute with a chosen padding byte. RFC 5389 lets padding be any value (RFC 5769's
    /// vectors use spaces); RFC 8489 asks for zeros, which the other overload writes.
    /// </summary>
    public void AddAttribute(ushort type, scoped ReadOnlySpan<byte> value, byte padding)
    {
        var body = BeginAttribute(type, value.Length);
        value.CopyTo(body);
        body.Slice(value.Length).Fill(padding);
    }

    public void AddUsername(scoped ReadOnlySpan<byte> utf8) => AddAttribute(StunAttributeType.Username, utf8);

    /// <summary>Appends a zero-length attribute such as USE-CANDIDATE.</summary>
    public void AddFlag(ushort type) => BeginAttribute(type, 0);

    public void AddUInt32(ushort type, uint value) =>
        BinaryPrimitives.WriteUInt32BigEndian(BeginAttribute(type, 4), value);

    public void AddUInt64(ushort type, ulong value) =>
        BinaryPrimitives.WriteUInt64BigEndian(BeginAttribute(type, 8), value);

    /// <summary>Appends XOR-MAPPED-ADDRESS for the address of a received datagram.</summary>
    public void AddXorMappedAddress(SocketAddress address)
    {
        Span<byte> raw = stackalloc byte[16];
        if (!StunAddress.TryRead(address, raw, out int length, out ushort port))
        {
            throw new ArgumentException("Only IPv4 and IPv6 socket addresses can be mapped.", nameof(address));
        }

        AddXorMappedAddress(raw.Slice(0, length), port);
    }

    public void AddXorMappedAddress(IPEndPoint endPoint)
    {
        Span<byte> raw = stackalloc byte[16];
        if (!StunAddress.TryRead(endPoint, raw, out int length, out ushort port))
        {
            throw new ArgumentException("Only IPv4 and IPv6 addresses can be mapped.", nameof(endPoint));
        }

        AddXorMappedAddress(raw.Slice(0, length), port);
    }

    /// <summary>Appends XOR-MAPPED-ADDRESS for a raw address of 4 or 16 bytes.</summary>
    public void AddXorMappedAddress(scoped ReadOnlySpan<byte> rawAddress, ushort port)
    {
        var body = BeginAttribute(StunAttributeType.XorMappedAddress, 4 + rawAddress.Length);
        StunAddress.EncodeXor(rawAddress, port, _buffer.Slice(8, StunConstants.TransactionIdLength), body);
    }

    /// <summary>Appends ERROR-CODE (RFC 5389 §15.6): code 300–699 and a short reason phrase.</summary>
    public void AddErrorCode(int code, scoped ReadOnlySpan<char> reason)
    {
        if (code is < 300 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "STUN error codes are 300-699.");
        }

        int reasonLength = Encoding.UTF8.GetByteCount(reason);
        var body = BeginAttribute(StunAttributeType.ErrorCode, 4 + reasonLength);
        body[0] = 0;
        body[1] = 0;
        body[2] = (byte)(code / 100);
        body[3] = (byte)(code % 100);
        Encoding.UTF8.GetBytes(reason, body.Slice(4));
        body.Slice(4 + reasonLength).Clear();
    }

    /// <summary>
    /// Appends MESSAGE-INTEGRITY: the length field is first set to include it, then HMAC-SHA1 with
    /// <paramref name="key"/> covers everything before it (RFC 5389 §15.4). Returns the length.
    /// </summary>
    public int AppendMessageIntegrity(scoped ReadOnlySpan<byte> key)
    {
        int offset = _length;
        var body = BeginAttribute(StunAttributeType.MessageIntegrity, StunConstants.MessageIntegrityLength);
        HMACSHA1.HashData(key, _buffer.Slice(0, offset), body);
        return _length;
    }

    /// <summary>
    /// Appends FINGERPRINT, the last attribute: the length field is first set to include it, then the
    /// CRC-32 of everything before it is XORed with 0x5354554E (RFC 5389 §15.5). Returns the length.
    /// </summary>
    public int AppendFingerprint()
    {
        int offset = _length;
        var body = BeginAttribute(StunAttributeType.Fingerprint, StunConstants.FingerprintLength);
        BinaryPrimitives.WriteUInt32BigEndian(body, StunIntegrity.ComputeFingerprint(_buffer.Slice(0, offset)));
        return _length;
    }

    /// <summary>
    /// Writes a Binding success response with XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY (when a key is given)
    /// and FINGERPRINT, as an ICE-lite agent answers a check (RFC 8445 §7.3.1.4). Returns the length
    /// (at most 80 bytes).
    /// </summary>
    public static int WriteBindingSuccess(
        Span<byte> destination, ReadOnlySpan<byte> transactionId, SocketAddress mapped, ReadOnlySpan<byte> integrityKey)
    {
        var writer = new StunWriter(destination, StunMessageType.BindingSuccessResponse, transactionId);
        writer.AddXorMappedAddress(mapped);
        if (!integrityKey.IsEmpty)
        {
            writer.AppendMessageIntegrity(integrityKey);
        }

        return writer.AppendFingerprint();
    }

    /// <summary>
    /// Writes a Binding error response with ERROR-CODE, MESSAGE-INTEGRITY when a key is given (not for 400/401,
    /// where the request could not be authenticated) and FINGERPRINT. Returns the length.
    /// </summary>
    public static int WriteBindingError(
        Span<byte> destination, ReadOnlySpan<byte> transactionId, int errorCode, ReadOnlySpan<byte> integrityKey = default) =>
        WriteBindingError(destination, transactionId, errorCode, DefaultReason(errorCode), integrityKey);

    public static int WriteBindingError(
        Span<byte> destination, ReadOnlySpan<byte> transactionId, int errorCode, ReadOnlySpan<char> reason,
        ReadOnlySpan<byte> integrityKey)
    {
        var writer = new StunWriter(destination, StunMessageType.BindingErrorResponse, transactionId);
        writer.AddErrorCode(errorCode, reason);
        if (!integrityKey.IsEmpty)
        {
            writer.AppendMessageIntegrity(integrityKey);
        }

        return writer.AppendFingerprint();
    }

    /// <summary>Reason phrases of RFC 5389 §15.6 and RFC 8445 §7.3.1.1.</summary>
    public static string DefaultReason(int errorCode) => errorCode switch
    {
        300 => "Try Alternate",
        400 => "Bad Request",
        401 => "Unauthorized",
        420 => "Unknown Attribute",
        438 => "Stale Nonce",
        487 => "Role Conflict",
        500 => "Server Error",
        _ => "Error",
    };

    // Reserves header and padded value, writes the attribute header, and updates the length field.
    private Span<byte> BeginAttribute(ushort type, int valueLength)
    {
        if (valueLength > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(valueLength));
        }

        int total = StunConstants.AttributeHeaderLength + StunConstants.Pad4(valueLength);
        if (_buffer.Length - _length < total || _length + total - StunConstants.HeaderLength > ushort.MaxValue)
        {
            ThrowTooSmall();
        }

        var attribute = _buffer.Slice(_length, total);
        BinaryPrimitives.WriteUInt16BigEndian(attribute, type);
        BinaryPrimitives.WriteUInt16BigEndian(attribute.Slice(2), (ushort)valueLength);
        attribute.Slice(StunConstants.AttributeHeaderLength + valueLength).Clear();
        _length += total;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(2), (ushort)(_length - StunConstants.HeaderLength));
        return attribute.Slice(StunConstants.AttributeHeaderLength, StunConstants.Pad4(valueLength));
    }

    private static void ThrowTooSmall() =>
        throw new ArgumentException("The destination is too small for the STUN message.");
}
