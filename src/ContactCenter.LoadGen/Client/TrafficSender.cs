using System.Diagnostics;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Client;

/// <summary>
/// Paces every stream from a few dedicated threads: audio is one Opus-sized packet (60–160 B) per interval (50 pps,
/// one every 20 ms, unless asked otherwise), video a burst of MTU-sized packets per frame with the marker bit on
/// the last (150 pps, 30 fps of 5 packets, unless asked otherwise). A peer's streams stay on one thread because its
/// SRTP session is not thread-safe. Send times are spread over the interval so that bursts do not align.
/// Streams can be added and removed while it runs (the churn scenario): each thread's list is an immutable array
/// replaced under a lock and read once per pass.
/// </summary>
internal sealed class TrafficSender
{
    /// <summary>A starved sender catches up at most this far (5 ms of packets); older backlog is skipped, not burst.</summary>
    private static readonly long MaxLag = Stopwatch.Frequency / 200;
    private readonly OutboundStream[][] _shards;
    private readonly Lock _shardsLock = new();
    private readonly int _videoPacketsPerFrame;
    private readonly int _videoPayload;
    private readonly long _audioInterval;
    private readonly long _videoInterval;
    private volatile bool _running;
    private Thread[] _threads = [];

    public TrafficSender(
        IEnumerable<OutboundStream> streams, int threads, int videoPacketsPerFrame, int videoPayload,
        int audioPacketsPerSecond = 50, int videoPacketsPerSecond = 150)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(audioPacketsPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(videoPacketsPerSecond, 1);
        _videoPacketsPerFrame = videoPacketsPerFrame;
        _videoPayload = videoPayload;
        _audioInterval = Stopwatch.Frequency / audioPacketsPerSecond;
        _videoInterval = Stopwatch.Frequency * videoPacketsPerFrame / videoPacketsPerSecond;

        _shards = new OutboundStream[Math.Max(1, threads)][];
        for (int i = 0; i < _shards.Length; i++)
        {
            _shards[i] = [];
        }

        Add(streams);
    }

    /// <summary>Streams sent from now on (their first packet within one interval, at a random offset).</summary>
    public void Add(IEnumerable<OutboundStream> streams)
    {
        long start = Stopwatch.GetTimestamp();
        lock (_shardsLock)
        {
            foreach (var stream in streams)
            {
                int shard = ShardOf(stream);
                stream.NextDueTicks = start + Random.Shared.NextInt64(IntervalOf(stream));
                Volatile.Write(ref _shards[shard], [.. _shards[shard], stream]);
            }
        }
    }

    /// <summary>
    /// Stops sending <paramref name="streams"/>. A pass that already read the old list may still send one packet
    /// of them: wait a few milliseconds before disposing their peers.
    /// </summary>
    public void Remove(IEnumerable<OutboundStream> streams)
    {
        lock (_shardsLock)
        {
            foreach (var stream in streams)
            {
                int shard = ShardOf(stream);
                Volatile.Write(ref _shards[shard], [.. _shards[shard].Where(s => !ReferenceEquals(s, stream))]);
            }
        }
    }

    /// <summary>How many streams are being sent (all threads).</summary>
    public int StreamCount
    {
        get
        {
            lock (_shardsLock)
            {
                return _shards.Sum(s => s.Length);
            }
        }
    }

    public void Start()
    {
        _running = true;
        _threads = new Thread[_shards.Length];
        for (int i = 0; i < _shards.Length; i++)
        {
            int shard = i;
            _threads[i] = new Thread(() => Run(shard)) { IsBackground = true, Name = "loadgen-send-" + i };
            _threads[i].Start();
        }
    }

    public void Stop()
    {
        _running = false;
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    /// <summary>Payload length of audio packet <paramref name="sequence"/>: 60–160 B, varying as Opus VBR does.</summary>
    internal static int AudioPayloadLength(uint sequence) => 60 + (int)(sequence * 37 % 101);

    private long IntervalOf(OutboundStream stream) => stream.IsVideo ? _videoInterval : _audioInterval;

    private int ShardOf(OutboundStream stream) => (stream.Peer.GetHashCode() & int.MaxValue) % _shards.Length;

    private void Run(int shard)
    {
        // Each pass's packets leave in sendmmsg batches (the fabric flushes when a batch is full).
        ClientFabric.BeginBatch();
        var fabric = ClientFabric.Shared;
        while (_running)
        {
            var streams = Volatile.Read(ref _shards[shard]);
            long now = Stopwatch.GetTimestamp();
            long nextDue = long.MaxValue;
            foreach (var stream in streams)
            {
                if (stream.NextDueTicks <= now)
                {
                    if (now - stream.NextDueTicks > MaxLag)
                    {
                        stream.NextDueTicks = now; // fell behind (CPU starved): do not burst to catch up
                    }

                    long interval = IntervalOf(stream);
                    while (stream.NextDueTicks <= now)
                    {
                        if (stream.IsVideo)
                        {
                            SendVideoFrame(stream);
                        }
                        else
                        {
                            SendAudio(stream);
                        }

                        stream.NextDueTicks += interval;
                    }
                }

                nextDue = Math.Min(nextDue, stream.NextDueTicks);
            }

            fabric.EndBatch();
            long wait = nextDue - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                // Sleep, never spin: on 2 cores a yielding sender took the CPU the server and our receive threads
                // needed (whisper x100: p50 1.4 ms and 2.1 CPU s per 100k spinning, 0.44 ms and 1.3 sleeping).
                // Stamps are taken when a packet is written, so the ~1 ms pace adds nothing to measured latency.
                Thread.Sleep(1);
            }
        }
    }

    private static void SendAudio(OutboundStream stream)
    {
        uint sequence = stream.Sequence++;
        stream.Timestamp += 960;
        var stamp = new PayloadStamp(stream.StreamId, sequence, Stopwatch.GetTimestamp());
        stream.Peer.SendStamped(stream.Ssrc, (byte)LocalSdp.OpusPayloadType, (ushort)sequence, stream.Timestamp, false, stamp,
            AudioPayloadLength(sequence));
    }

    private void SendVideoFrame(OutboundStream stream)
    {
        stream.Timestamp += 3000;
        for (int i = 0; i < _videoPacketsPerFrame; i++)
        {
            uint sequence = stream.Sequence++;
            var stamp = new PayloadStamp(stream.StreamId, sequence, Stopwatch.GetTimestamp());
            stream.Peer.SendStamped(stream.Ssrc, (byte)LocalSdp.Vp8PayloadType, (ushort)sequence, stream.Timestamp,
                i == _videoPacketsPerFrame - 1, stamp, _videoPayload);
        }
    }
}
