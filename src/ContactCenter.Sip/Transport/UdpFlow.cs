using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

/// <summary>Sends to one remote address from the shared UDP socket.</summary>
internal sealed class UdpFlow(Socket socket, IPEndPoint remote, IPEndPoint local) : ISipFlow
{
    public bool IsReliable => false;
    public string Transport => "UDP";
    public IPEndPoint Remote => remote;
    public IPEndPoint Local => local;

    public void Send(ReadOnlySpan<byte> data)
    {
        try
        {
            socket.SendTo(data, SocketFlags.None, remote);
        }
        catch (SocketException)
        {
            // UDP is best effort: the transaction's retransmission timers cover a lost datagram.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
