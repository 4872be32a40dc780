using System.Net;
using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Transport;

public sealed partial class UdpMediaTransport
{
    /// <summary>
    /// Larger than any datagram we accept: Chromium's ClientHello fragments are ~1,400 bytes, and SRTP
    /// processing needs room after the packet.
    /// </summary>
    public const int ReceiveBufferLength = 2048;

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var socket = _socket!;
        // One pooled buffer and one SocketAddress, reused for every datagram: handlers run synchronously and
        // copy whatever they keep (DTLS), so nothing is allocated per packet.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferLength);
        var from = new SocketAddress(socket.AddressFamily);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, from, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // ICMP port unreachable from an earlier send, or an oversize datagram: not fatal for a UDP server.
                    Counters.Dropped++;
                    continue;
                }
                catch (SocketException ex)
                {
                    TransportLog.ReceiveError(_logger, ex);
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    continue;
                }

                Dispatch(buffer, received, from);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Handles one datagram; exceptions from any handler are counted and never leave.</summary>
    internal void Dispatch(byte[] buffer, int length, SocketAddress from)
    {
        Counters.Datagrams++;
        var kind = MediaPacketClassifier.Classify(buffer.AsSpan(0, length));
        try
        {
            switch (kind)
            {
                case MediaPacketKind.Stun:
                    Counters.Stun++;
                    HandleStun(buffer.AsSpan(0, length), from);
                    break;
                case MediaPacketKind.Dtls:
                    Counters.Dtls++;
                    if (_byAddress.TryGetValue(from, out var dtlsPeer))
                    {
                        dtlsPeer.OnDtls(buffer.AsSpan(0, length), from);
                    }
                    else
                    {
                        Counters.Dropped++;
                    }

                    break;
                case MediaPacketKind.Rtp:
                case MediaPacketKind.Rtcp:
                    if (kind == MediaPacketKind.Rtp)
                    {
                        Counters.Rtp++;
                    }
                    else
                    {
                        Counters.Rtcp++;
                    }

                    if (_byAddress.TryGetValue(from, out var mediaPeer))
                    {
                        // The whole buffer is writable: SRTP unprotects in place, a sink may rewrite and forward.
                        mediaPeer.OnSrtp(buffer.AsSpan(), length, kind == MediaPacketKind.Rtcp);
                    }
                    else
                    {
                        Counters.Dropped++;
                    }

                    break;
                default:
                    Counters.Dropped++;
                    break;
            }
        }
        catch (Exception ex)
        {
            Counters.HandlerErrors++;
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                TransportLog.HandlerFailed(_logger, kind, ex);
            }
        }
    }
}
