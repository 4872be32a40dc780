using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Stun;

/// <summary>XOR-MAPPED-ADDRESS encoding and decoding (RFC 5389 §15.2) without allocation.</summary>
internal static class StunAddress
{
    /// <summary>Value length of XOR-MAPPED-ADDRESS for IPv4 and IPv6.</summary>
    public const int IPv4ValueLength = 8;
    public const int IPv6ValueLength = 20;

    /// <summary>Decodes an XOR-MAPPED-ADDRESS value. <paramref name="address"/> needs 16 bytes.</summary>
    public static bool TryDecodeXor(
        ReadOnlySpan<byte> value, ReadOnlySpan<byte> transactionId, Span<byte> address, out int addressLength, out ushort port)
    {
        addressLength = 0;
        port = 0;
        if (value.Length < 4 || transactionId.Length != StunConstants.TransactionIdLength || address.Length < 16)
        {
            return false;
        }

        byte family = value[1];
        int length = family switch
        {
            StunConstants.FamilyIPv4 => 4,
            StunConstants.FamilyIPv6 => 16,
            _ => 0,
        };
        if (length == 0 || value.Length != 4 + length)
        {
            return false;
        }

        port = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(value.Slice(2)) ^ (StunConstants.MagicCookie >> 16));
        XorAddress(value.Slice(4, length), transactionId, address);
        addressLength = length;
        return true;
    }

    /// <summary>
    /// Writes an XOR-MAPPED-ADDRESS value for a raw address (4 or 16 bytes) into <paramref name="destination"/>
    /// and returns its length.
    /// </summary>
    public static int EncodeXor(ReadOnlySpan<byte> rawAddress, ushort port, ReadOnlySpan<byte> transactionId, Span<byte> destination)
    {
        byte family = rawAddress.Length switch
        {
            4 => StunConstants.FamilyIPv4,
            16 => StunConstants.FamilyIPv6,
            _ => throw new ArgumentException("An address has 4 or 16 bytes.", nameof(rawAddress)),
        };
        if (transactionId.Length != StunConstants.TransactionIdLength)
        {
            throw new ArgumentException("A transaction id has 12 bytes.", nameof(transactionId));
        }

        int length = 4 + rawAddress.Length;
        destination = destination.Slice(0, length);
        destination[0] = 0;
        destination[1] = family;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)(port ^ (StunConstants.MagicCookie >> 16)));
        XorAddress(rawAddress, transactionId, destination.Slice(4));
        return length;
    }

    /// <summary>
    /// Reads the address bytes and port of a <see cref="SocketAddress"/> (sockaddr_in / sockaddr_in6 layout:
    /// port at offset 2, IPv4 at 4, IPv6 at 8). <paramref name="address"/> needs 16 bytes.
    /// </summary>
    public static bool TryRead(SocketAddress socketAddress, Span<byte> address, out int addressLength, out ushort port)
    {
        var buffer = socketAddress.Buffer.Span;
        switch (socketAddress.Family)
        {
            case AddressFamily.InterNetwork when socketAddress.Size >= 8:
                buffer.Slice(4, 4).CopyTo(address);
                addressLength = 4;
                break;
            case AddressFamily.InterNetworkV6 when socketAddress.Size >= 24:
                buffer.Slice(8, 16).CopyTo(address);
                addressLength = 16;
                break;
            default:
                addressLength = 0;
                port = 0;
                return false;
        }

        port = BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(2));
        return true;
    }

    /// <summary>Reads the address bytes and port of an <see cref="IPEndPoint"/> without allocating.</summary>
    public static bool TryRead(IPEndPoint endPoint, Span<byte> address, out int addressLength, out ushort port)
    {
        port = (ushort)endPoint.Port;
        return endPoint.Address.TryWriteBytes(address, out addressLength);
    }

    // RFC 5389 §15.2: IPv4 XOR the magic cookie; IPv6 XOR the cookie followed by the transaction id.
    private static void XorAddress(ReadOnlySpan<byte> source, ReadOnlySpan<byte> transactionId, Span<byte> destination)
    {
        Span<byte> mask = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mask, StunConstants.MagicCookie);
        transactionId.CopyTo(mask.Slice(4));
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (byte)(source[i] ^ mask[i]);
        }
    }
}
