namespace ContactCenter.Media.Dtls;

/// <summary>Where a DTLS endpoint's outgoing datagrams go (the UDP socket, or the other end in memory).</summary>
internal interface IDatagramSender
{
    void Send(ReadOnlySpan<byte> datagram);
}
