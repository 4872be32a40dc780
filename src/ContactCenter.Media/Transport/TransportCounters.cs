namespace ContactCenter.Media.Transport;

/// <summary>Plain counters for diagnostics; written by the receive loop, read racily by anyone.</summary>
public sealed class TransportCounters
{
    public long Datagrams { get; internal set; }

    public long Stun { get; internal set; }

    public long Dtls { get; internal set; }

    public long Rtp { get; internal set; }

    public long Rtcp { get; internal set; }

    /// <summary>Unknown first byte, or no peer for the sender's address.</summary>
    public long Dropped { get; internal set; }

    /// <summary>Exceptions caught from a handler (they never stop the loop).</summary>
    public long HandlerErrors { get; internal set; }

    public long SendErrors { get; internal set; }

    /// <summary>SRTP and SRTCP packets from known peers that failed authentication or the replay check.</summary>
    public long SrtpAuthFailures => Interlocked.Read(ref _srtpAuthFailures);

    private long _srtpAuthFailures;

    internal void CountSrtpAuthFailure() => Interlocked.Increment(ref _srtpAuthFailures);
}
