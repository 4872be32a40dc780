using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgent;

public sealed partial class SipUserAgent
{
    private const int MaxDatagram = 65535;
    private readonly ConcurrentDictionary<TcpConnection, byte> _tcpConnections = new();

    private async Task UdpLoopAsync(CancellationToken ct)
    {
        var socket = _udp!;
        var buffer = new byte[MaxDatagram];
        var local = (IPEndPoint)socket.LocalEndPoint!;
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
            var parsed = SipParser.ParseDatagram(buffer.AsSpan(0, result.ReceivedBytes));
            OnParsed(parsed, remote, remote => new UdpFlow(socket, remote, local));
        }
    }

    private async Task TcpAcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _tcp!.AcceptAsync(ct).ConfigureAwait(false);
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
                SipLog.TransportError(_logger, "TCP", ex.SocketErrorCode);
                continue;
            }
            var connection = new TcpConnection(accepted);
            _tcpConnections[connection] = 0;
            _ = Task.Run(() => TcpReadLoopAsync(connection, ct), ct);
        }
    }

    /// <summary>Frames messages on the stream by Content-Length (RFC 3261 §18.3).</summary>
    private async Task TcpReadLoopAsync(TcpConnection connection, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= SipParser.MaxHeaderBytes + SipParser.MaxBodyBytes)
                    {
                        break;
                    }
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                var read = await connection.Socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                filled += read;
                while (filled > 0)
                {
                    var parsed = SipParser.ParseStream(buffer.AsSpan(0, filled));
                    if (parsed.Status == SipParseStatus.Incomplete)
                    {
                        Shift(buffer, ref filled, parsed.Consumed);
                        break;
                    }
                    OnParsed(parsed, connection.Remote, _ => connection);
                    if (parsed.Status == SipParseStatus.Invalid)
                    {
                        // Framing is lost after a bad message on a stream: close (RFC 3261 §18.3).
                        return;
                    }
                    Shift(buffer, ref filled, parsed.Consumed);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            _tcpConnections.TryRemove(connection, out _);
            connection.Dispose();
        }
    }

    private static void Shift(byte[] buffer, ref int filled, int consumed)
    {
        if (consumed <= 0)
        {
            return;
        }
        consumed = Math.Min(consumed, filled);
        Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
        filled -= consumed;
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
                    var request = parsed.Message!;
                    var flow = flowFor(ResponseTarget(request.TopVia!, source, flowFor(source)));
                    var response = request.CreateResponseTo(400, "Bad Request");
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
