using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Media;

/// <summary>
/// Hands out RTP ports from the configured range: even ports for RTP and, without rtcp-mux, port+1 for
/// RTCP (RFC 3550 §11). Round-robin, so a just-closed port is not reused at once; a port someone else
/// holds is skipped by trying to bind it.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly object _lock = new();
    private readonly IPAddress _address;
    private readonly int _min;
    private readonly int _max;
    private int _next;

    public RtpPortAllocator(IPAddress address, int min, int max)
    {
        if (min < 1024 || max > 65535 || max <= min)
        {
            throw new ArgumentOutOfRangeException(nameof(min), "RTP port range must be inside 1024..65535 and hold at least two ports.");
        }
        _address = address;
        _min = min % 2 == 0 ? min : min + 1;
        _max = max;
        _next = _min;
    }

    /// <summary>Binds an RTP socket (and an RTCP one unless muxed); null when the range is exhausted.</summary>
    public (Socket Rtp, Socket? Rtcp)? Allocate(bool rtcpMux)
    {
        lock (_lock)
        {
            var attempts = (_max - _min) / 2 + 1;
            for (var i = 0; i < attempts; i++)
            {
                var port = _next;
                _next += 2;
                if (_next + (rtcpMux ? 0 : 1) > _max)
                {
                    _next = _min;
                }
                if (port + (rtcpMux ? 0 : 1) > _max)
                {
                    continue;
                }
                var rtp = TryBind(port);
                if (rtp is null)
                {
                    continue;
                }
                if (rtcpMux)
                {
                    return (rtp, null);
                }
                var rtcp = TryBind(port + 1);
                if (rtcp is not null)
                {
                    return (rtp, rtcp);
                }
                rtp.Dispose();
            }
            return null;
        }
    }

    private Socket? TryBind(int port)
    {
        var socket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(_address, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
