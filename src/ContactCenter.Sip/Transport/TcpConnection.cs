using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

/// <summary>One accepted TCP connection; responses and in-dialog requests go back on it (RFC 3261 §18.2.2).</summary>
internal sealed class TcpConnection(Socket socket) : ISipFlow, IDisposable
{
    private readonly object _sendLock = new();

    public bool IsReliable => true;
    public string Transport => "TCP";
    public IPEndPoint Remote { get; } = (IPEndPoint)socket.RemoteEndPoint!;
    public IPEndPoint Local { get; } = (IPEndPoint)socket.LocalEndPoint!;
    public Socket Socket => socket;

    public void Send(ReadOnlySpan<byte> data)
    {
        lock (_sendLock)
        {
            try
            {
                while (!data.IsEmpty)
                {
                    var sent = socket.Send(data, SocketFlags.None);
                    data = data[sent..];
                }
            }
            catch (SocketException)
            {
                // The peer went away; the read loop notices and closes the connection.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        socket.Dispose();
    }
}
