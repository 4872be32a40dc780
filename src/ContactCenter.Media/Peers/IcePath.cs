using System.Net;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Peers;

/// <summary>A remote address a valid check came from, and the transport port it came through (and replies go back on).</summary>
internal sealed class IcePath(IDatagramPort port, SocketAddress address)
{
    public IDatagramPort Port { get; } = port;

    public SocketAddress Address { get; } = address;

    public bool Is(IDatagramPort port, SocketAddress address) => ReferenceEquals(Port, port) && Address.Equals(address);

    public bool Send(ReadOnlySpan<byte> datagram) => Port.Send(datagram, Address);
}
