namespace ContactCenter.Media.Transport;

/// <summary>
/// Plain counters for diagnostics, read racily by anyone. Each receive thread writes its own block
/// (<see cref="ShardCounters"/>), so the hot path needs no interlocked operations; the getters add them up.
/// </summary>
public sealed class TransportCounters
{
    private ShardCounters[] _shards = [new()];
    private long _sendErrors;
    private long _srtpAuthFailures;

    public long Datagrams => Sum(static s => s.Datagrams);

    public long Stun => Sum(static s => s.Stun);

    public long Dtls => Sum(static s => s.Dtls);

    public long Rtp => Sum(static s => s.Rtp);

    public long Rtcp => Sum(static s => s.Rtcp);

    /// <summary>Unknown first byte, or no peer for the sender's address.</summary>
    public long Dropped => Sum(static s => s.Dropped);

    /// <summary>Exceptions caught from a handler (they never stop the loop).</summary>
    public long HandlerErrors => Sum(static s => s.HandlerErrors);

    public long SendErrors => Interlocked.Read(ref _sendErrors) + Sum(static s => s.SendErrors);

    /// <summary>SRTP and SRTCP packets from known peers that failed authentication or the replay check.</summary>
    public long SrtpAuthFailures => Interlocked.Read(ref _srtpAuthFailures);

    /// <summary>Receive system calls that returned at least one datagram (datagrams ÷ this = mean batch).</summary>
    public long ReceiveCalls => Sum(static s => s.ReceiveCalls);

    /// <summary>Send system calls made by the receive threads' batches (the rest are one call per datagram).</summary>
    public long BatchedSendCalls => Sum(static s => s.SendCalls);

    /// <summary>The first block: direct <see cref="UdpMediaTransport.Dispatch(byte[], int, System.Net.SocketAddress)"/> callers.</summary>
    internal ShardCounters Primary => _shards[0];

    /// <summary>One block per receive thread, replacing the previous set (at start).</summary>
    internal ShardCounters[] CreateShards(int count)
    {
        var shards = new ShardCounters[count];
        for (int i = 0; i < count; i++)
        {
            shards[i] = new ShardCounters();
        }

        _shards = shards;
        return shards;
    }

    internal void CountSrtpAuthFailure() => Interlocked.Increment(ref _srtpAuthFailures);

    internal void CountSendError() => Interlocked.Increment(ref _sendErrors);

    private long Sum(Func<ShardCounters, long> field)
    {
        long total = 0;
        foreach (var shard in _shards)
        {
            total += field(shard);
        }

        return total;
    }
}

/// <summary>The counters one receive thread writes (single writer, no interlocked operations).</summary>
internal sealed class ShardCounters
{
    public long Datagrams;
    public long Stun;
    public long Dtls;
    public long Rtp;
    public long Rtcp;
    public long Dropped;
    public long HandlerErrors;
    public long SendErrors;
    public long ReceiveCalls;
    public long SendCalls;
}
