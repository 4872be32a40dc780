using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgent;

public sealed partial class SipUserAgent
{
    private const int MaxDatagram = 65535;
    private SipTcpServer? _tcpServer;

    /// <summary>Open SIP TCP connections (tests watch the caps and timeouts with it).</summary>
    internal int TcpConnectionCount => _tcpServer?.ConnectionCount ?? 0;

    private async Task UdpLoopAsync(Socket socket, IPEndPoint local, CancellationToken ct)
    {
        var buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(local.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex)
            {
                // ICMP errors for earlier sends surface here on some platforms; the socket itself is fine.
                SipLog.TransportError(_logger, "UDP", ex.SocketErrorCode);
                continue;
            }
            var remote = (IPEndPoint)result.RemoteEndPoint;
            try
            {
                var parsed = SipParser.ParseDatagram(buffer.AsSpan(0, result.ReceivedBytes), _parserLimits);
                OnParsed(parsed, remote, remote => new UdpFlow(socket, remote, local));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The parser reports bad input as a result; anything thrown is a bug, and must not stop the loop.
                SipLog.DispatchFailed(_logger, ex, remote);
            }
        }
    }

    private void OnParsed(SipParseResult parsed, IPEndPoint source, Func<IPEndPoint, ISipFlow> flowFor)
    {
        try
        {
            if (parsed.Status != SipParseStatus.Ok)
            {
                SipLog.ParseFailed(_logger, source, flowFor(source).Transport, parsed.Error);
                if (parsed.CanAnswer400)
                {
                    // Sent once and statelessly: a malformed request never starts retransmissions.
                    var request = parsed.Message!;
                    var flow = flowFor(ResponseTarget(request.TopVia!, source, flowFor(source)));
                    var response = parsed.TooLarge
                        ? request.CreateResponseTo(513, "Message Too Large")
                        : request.CreateResponseTo(400, "Bad Request");
                    response.AddHeader("Warning", "399 contactcenter \"" + (parsed.Error ?? "malformed").Replace('"', '\'') + "\"");
                    flow.Send(SipSerializer.Serialize(response));
                }
                return;
            }
            var message = parsed.Message!;
            if (message.IsRequest)
            {
                OnRequest(message, source, flowFor);
            }
            else
            {
                OnResponse(message);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One bad message must never take the server down.
            SipLog.DispatchFailed(_logger, ex, source);
        }
    }

    /// <summary>
    /// Where responses go (RFC 3261 §18.2.2, RFC 3581 §4): the connection for TCP; over UDP the source
    /// address, and the source port when the client asked for rport, else the Via port (default 5060).
    /// </summary>
    private static IPEndPoint ResponseTarget(SipVia via, IPEndPoint source, ISipFlow sourceFlow)
    {
        if (sourceFlow.IsReliable || via.HasRport)
        {
            return source;
        }
        return new IPEndPoint(source.Address, via.Port ?? 5060);
    }
}
