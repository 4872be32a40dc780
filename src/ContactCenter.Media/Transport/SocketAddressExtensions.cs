using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Transport;

/// <summary>Helpers for the <see cref="SocketAddress"/> the receive loop reuses for every datagram.</summary>
internal static class SocketAddressExtensions
{
    /// <summary>An independent copy, safe to keep as a dictionary key (SocketAddress compares by content).</summary>
    public static SocketAddress Clone(this SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span.Slice(0, address.Size).CopyTo(copy.Buffer.Span);
        return copy;
    }

    /// <summary>Allocates: for logs and diagnostics only.</summary>
    public static IPEndPoint ToEndPoint(this SocketAddress address) =>
        (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(address);
}
