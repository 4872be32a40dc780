using System.Net;
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

    /// <summary>How often a blocked receive wakes to notice that the transport is stopping.</summary>
    private static readonly TimeSpan ReceiveWake = TimeSpan.FromMilliseconds(250);

    /// <summary>The receive thread this thread is, if any: its sends join that thread's batch.</summary>
    [ThreadStatic]
    private static ReceiveShard? t_shard;

    private ReceiveShard[] _shards = [];

    private void StartReceiveThreads(Socket[] sockets)
    {
        var counters = Counters.CreateShards(sockets.Length);
        bool batched = _options.BatchedIo && LinuxUdp.IsSupported;
        var shards = new ReceiveShard[sockets.Length];
        for (int i = 0; i < sockets.Length; i++)
        {
            shards[i] = new ReceiveShard(this, sockets[i], counters[i], batched);
            // A dedicated thread that blocks in the receive call: no epoll hop and no thread-pool hand-off per
            // datagram, which the profile showed to cost more than the forwarding itself.
            var thread = new Thread(shards[i].Run)
            {
                IsBackground = true,
                Name = sockets.Length == 1 ? "media-receive" : "media-receive-" + i,
            };
            thread.Start();
        }

        _shards = shards;
    }

    private async Task StopReceiveThreadsAsync()
    {
        foreach (var shard in _shards)
        {
            // Each thread notices the stop within ReceiveWake (SO_RCVTIMEO) and exits.
            await shard.Done.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Handles one datagram; exceptions from any handler are counted and never leave.</summary>
    internal void Dispatch(byte[] buffer, int length, SocketAddress from) =>
        Dispatch(buffer.AsSpan(), length, from, Counters.Primary);

    /// <summary>
    /// Handles one datagram of a receive thread. <paramref name="buffer"/> is the whole writable slot (SRTP
    /// unprotects in place and a sink may rewrite and forward); handlers copy whatever they keep.
    /// </summary>
    private void Dispatch(Span<byte> buffer, int length, SocketAddress from, ShardCounters counters)
    {
        counters.Datagrams++;
        var kind = MediaPacketClassifier.Classify(buffer.Slice(0, length));
        try
        {
            switch (kind)
            {
                case MediaPacketKind.Stun:
                    counters.Stun++;
                    _ice.Handle(this, buffer.Slice(0, length), from);
                    break;
                case MediaPacketKind.Dtls:
                    counters.Dtls++;
                    if (_byAddress.TryGet(from, out var dtlsEndpoint))
                    {
                        dtlsEndpoint.OnDtls(this, buffer.Slice(0, length), from);
                    }
                    else
                    {
                        counters.Dropped++;
                    }

                    break;
                case MediaPacketKind.Rtp:
                case MediaPacketKind.Rtcp:
                    if (kind == MediaPacketKind.Rtp)
                    {
                        counters.Rtp++;
                    }
                    else
                    {
                        counters.Rtcp++;
                    }

                    if (_byAddress.TryGet(from, out var mediaEndpoint))
                    {
                        mediaEndpoint.OnSrtp(buffer, length, kind == MediaPacketKind.Rtcp);
                    }
                    else
                    {
                        counters.Dropped++;
                    }

                    break;
                default:
                    counters.Dropped++;
                    break;
            }
        }
        catch (Exception ex)
        {
            counters.HandlerErrors++;
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                TransportLog.HandlerFailed(_logger, kind, ex);
            }
        }
    }

    /// <summary>
    /// One receive thread and its socket. With batched I/O (64-bit Linux) it takes up to
    /// <see cref="BatchSize"/> datagrams per recvmmsg call, handles them, and sends everything they produced in
    /// sendmmsg calls before it receives again; elsewhere it takes one datagram per blocking receive.
    /// </summary>
    private sealed class ReceiveShard(UdpMediaTransport transport, Socket socket, ShardCounters counters, bool batched)
    {
        public const int BatchSize = 32;
        private const int SendBatchSize = 64;

        private DatagramBatch? _sends;
        private int _fd;

        public UdpMediaTransport Transport { get; } = transport;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run()
        {
            t_shard = this;
            bool added = false;
            var handle = socket.SafeHandle;
            try
            {
                handle.DangerousAddRef(ref added); // the fd stays open (and ours) until this thread is done with it
                _fd = (int)handle.DangerousGetHandle();
                if (batched)
                {
                    socket.SetRawSocketOption(LinuxUdp.SolSocket, LinuxUdp.SoRcvTimeo, LinuxUdp.TimeVal(ReceiveWake));
                    RunBatched();
                }
                else
                {
                    socket.ReceiveTimeout = (int)ReceiveWake.TotalMilliseconds;
                    RunSingle();
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                if (!Transport._stopping.IsCancellationRequested)
                {
                    TransportLog.ReceiveError(Transport._logger, ex as SocketException ?? new SocketException((int)SocketError.Shutdown));
                }
            }
            finally
            {
                t_shard = null;
                _sends?.Dispose();
                _sends = null;
                if (added)
                {
                    handle.DangerousRelease();
                }

                Done.TrySetResult();
            }
        }

        /// <summary>Queues a send of this thread into the batch; false to send it directly instead.</summary>
        public bool TryQueue(ReadOnlySpan<byte> datagram, SocketAddress remote)
        {
            var slot = Reserve();
            if (slot.Length < datagram.Length)
            {
                return false;
            }

            datagram.CopyTo(slot);
            return _sends!.Commit(datagram.Length, remote);
        }

        /// <summary>A free slot of this thread's send batch (flushed first when full); empty without a batch.</summary>
        public Span<byte> Reserve()
        {
            var sends = _sends;
            if (sends is null)
            {
                return [];
            }

            if (sends.Count == sends.Capacity)
            {
                Flush(sends);
            }

            return sends.Reserve();
        }

        public bool Commit(int length, SocketAddress remote) => _sends is { } sends && sends.Commit(length, remote);

        private void RunBatched()
        {
            using var receives = new DatagramBatch(BatchSize, ReceiveBufferLength);
            _sends = new DatagramBatch(SendBatchSize, ReceiveBufferLength);
            var from = new SocketAddress(socket.AddressFamily);
            var stopping = Transport._stopping.Token;
            while (!stopping.IsCancellationRequested)
            {
                int count = receives.Receive(_fd);
                if (count < 0)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        break;
                    }

                    TransportLog.ReceiveError(Transport._logger, new SocketException(-count));
                    Thread.Sleep(10); // a persistent error must not spin
                    continue;
                }

                if (count > 0)
                {
                    counters.ReceiveCalls++;
                }

                for (int i = 0; i < count; i++)
                {
                    receives.CopyAddress(i, from);
                    Transport.Dispatch(receives.Slot(i), receives.Length(i), from, counters);
                }

                Flush(_sends);
            }
        }

        private void RunSingle()
        {
            byte[] buffer = GC.AllocateUninitializedArray<byte>(ReceiveBufferLength);
            var from = new SocketAddress(socket.AddressFamily);
            var stopping = Transport._stopping.Token;
            while (!stopping.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = socket.ReceiveFrom(buffer, SocketFlags.None, from);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock
                    or SocketError.Interrupted)
                {
                    continue;
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // ICMP port unreachable from an earlier send, or an oversize datagram: not fatal for a UDP server.
                    counters.Dropped++;
                    continue;
                }

                counters.ReceiveCalls++;
                Transport.Dispatch(buffer, received, from, counters);
            }
        }

        private void Flush(DatagramBatch sends)
        {
            if (sends.Count == 0)
            {
                return;
            }

            counters.SendCalls++;
            sends.Flush(_fd, out int failed);
            counters.SendErrors += failed;
        }
    }
}
