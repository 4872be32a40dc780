using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.TestDoubles;

/// <summary>A scripted SIP phone over UDP or TCP for driving the UAS in tests.</summary>
internal sealed class SipTestClient : IDisposable
{
    private readonly Socket _socket;
    private readonly IPEndPoint _server;
    private readonly bool _tcp;
    private readonly byte[] _buffer = new byte[65536];
    private readonly List<byte> _stream = [];

    public SipTestClient(IPEndPoint server, bool tcp = false, IPAddress? local = null)
    {
        _server = server;
        _tcp = tcp;
        _socket = tcp
            ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(local ?? IPAddress.Loopback, 0));
        if (tcp)
        {
            _socket.Connect(server);
        }
        _socket.ReceiveTimeout = 5000;
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;
    public string Transport => _tcp ? "TCP" : "UDP";

    public void SendRaw(byte[] data)
    {
        if (_tcp)
        {
            _socket.Send(data);
        }
        else
        {
            _socket.SendTo(data, _server);
        }
    }

    public void Send(string text) => SendRaw(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));

    /// <summary>Next message, or null after <paramref name="timeout"/> (5 s by default) or on a closed TCP connection.</summary>
    public SipMessage? Receive(TimeSpan? timeout = null)
    {
        _socket.ReceiveTimeout = Math.Max(1, (int)(timeout ?? TimeSpan.FromSeconds(5)).TotalMilliseconds);
        try
        {
            if (!_tcp)
            {
                var n = _socket.Receive(_buffer);
                return SipParser.ParseDatagram(_buffer.AsSpan(0, n)).Message;
            }
            while (true)
            {
                var parsed = SipParser.ParseStream(_stream.ToArray());
                if (parsed.Status == SipParseStatus.Ok)
                {
                    _stream.RemoveRange(0, parsed.Consumed);
                    return parsed.Message;
                }
                var n = _socket.Receive(_buffer);
                if (n == 0)
                {
                    return null;
                }
                _stream.AddRange(_buffer.AsSpan(0, n).ToArray());
            }
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>Skips provisional responses and requests until a response with that status; null on another final response or silence.</summary>
    public SipMessage? ReceiveStatus(int status)
    {
        for (var i = 0; i < 20; i++)
        {
            var m = Receive();
            if (m is null || (!m.IsRequest && m.StatusCode == status))
            {
                return m;
            }
            if (!m.IsRequest && m.StatusCode >= 200)
            {
                return null;
            }
        }
        return null;
    }

    public SipMessage? ReceiveRequest(string method)
    {
        for (var i = 0; i < 20; i++)
        {
            var m = Receive();
            if (m is null || (m.IsRequest && m.Method == method))
            {
                return m;
            }
        }
        return null;
    }

    public string Via(string branch) => $"Via: SIP/2.0/{Transport} 127.0.0.1:{Port};branch={branch};rport";

    public void Dispose() => _socket.Dispose();
}
