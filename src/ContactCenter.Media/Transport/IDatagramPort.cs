using System.Net;

namespace ContactCenter.Media.Transport;

/// <summary>
/// The narrow side of a transport that an endpoint sees: send a datagram to a remote address (built in place in a
/// send batch where the transport has one), and route a remote address's later datagrams to the endpoint. An
/// endpoint remembers the port each valid check came through and sends back through the same one.
/// </summary>
internal interface IDatagramPort
{
    /// <summary>Sends one datagram; never throws (a failed send is counted). False when it could not be sent.</summary>
    bool Send(ReadOnlySpan<byte> datagram, SocketAddress remote);

    /// <summary>
    /// A free slot of at least <paramref name="minLength"/> bytes to build a datagram in place (on a receive thread of
    /// this transport), or empty: then use <see cref="Send"/>. Follow a non-empty slot with <see cref="CommitSend"/>.
    /// </summary>
    Span<byte> ReserveSend(int minLength);

    /// <summary>Queues the <paramref name="length"/> bytes built in the slot <see cref="ReserveSend"/> gave.</summary>
    bool CommitSend(int length, SocketAddress remote);

    /// <summary>Later DTLS/SRTP from <paramref name="remote"/> goes to <paramref name="endpoint"/>.</summary>
    void Route(SocketAddress remote, IDatagramEndpoint endpoint);

    /// <summary>Forgets the route of <paramref name="remote"/> while it still names <paramref name="endpoint"/>.</summary>
    void Unroute(SocketAddress remote, IDatagramEndpoint endpoint);
}
