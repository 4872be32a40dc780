using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ContactCenter.Media.Stun;

/// <summary>
/// MESSAGE-INTEGRITY (HMAC-SHA1, RFC 5389 §15.4) and FINGERPRINT (CRC-32, §15.5) checks.
/// Neither allocates for messages up to <see cref="StackLimit"/> bytes; longer ones borrow a pooled buffer.
/// </summary>
internal static class StunIntegrity
{
    private const int StackLimit = 1536;

    /// <summary>
    /// Verifies MESSAGE-INTEGRITY with <paramref name="key"/> (ICE short-term: the UTF-8 password).
    /// False when the message is malformed, has no MESSAGE-INTEGRITY, or the HMAC differs.
    /// </summary>
    public static bool VerifyMessageIntegrity(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> key)
    {
        if (!StunMessage.TryParse(packet, out _)
            || !StunMessage.FindAttribute(packet, StunAttributeType.MessageIntegrity, out int offset, out int length)
            || length != StunConstants.MessageIntegrityLength)
        {
            return false;
        }

        Span<byte> computed = stackalloc byte[StunConstants.MessageIntegrityLength];
        ComputeIntegrity(packet.Slice(0, offset), key, computed);
        return CryptographicOperations.FixedTimeEquals(
            computed, packet.Slice(offset + StunConstants.AttributeHeaderLength, StunConstants.MessageIntegrityLength));
    }

    /// <summary>Verifies FINGERPRINT, which must be the last attribute. False when absent or wrong.</summary>
    public static bool VerifyFingerprint(ReadOnlySpan<byte> packet)
    {
        if (!StunMessage.TryParse(packet, out _)
            || !StunMessage.FindAttribute(packet, StunAttributeType.Fingerprint, out int offset, out int length)
            || length != StunConstants.FingerprintLength
            || offset + StunConstants.AttributeHeaderLength + StunConstants.FingerprintLength != packet.Length)
        {
            return false;
        }

        // FINGERPRINT is last, so the header's length already counts it as §15.5 requires.
        uint expected = StunCrc32.Compute(packet.Slice(0, offset)) ^ StunConstants.FingerprintXor;
        return BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(offset + StunConstants.AttributeHeaderLength)) == expected;
    }

    /// <summary>
    /// HMAC-SHA1 over <paramref name="prefix"/> (header and the attributes before MESSAGE-INTEGRITY), with the
    /// header's length field set as if MESSAGE-INTEGRITY were the last attribute (RFC 5389 §15.4).
    /// </summary>
    internal static void ComputeIntegrity(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        byte[]? rented = null;
        Span<byte> copy = prefix.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(prefix.Length));
        copy = copy.Slice(0, prefix.Length);
        prefix.CopyTo(copy);
        int patchedLength = prefix.Length - StunConstants.HeaderLength
            + StunConstants.AttributeHeaderLength + StunConstants.MessageIntegrityLength;
        BinaryPrimitives.WriteUInt16BigEndian(copy.Slice(2), (ushort)patchedLength);
        HMACSHA1.HashData(key, copy, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    internal static uint ComputeFingerprint(ReadOnlySpan<byte> prefix) =>
        StunCrc32.Compute(prefix) ^ StunConstants.FingerprintXor;
}
