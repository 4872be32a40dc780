namespace ContactCenter.LoadGen.Metrics;

/// <summary>Process-wide counters the clients update and the progress line reads.</summary>
internal sealed class LoadStats
{
    private long _sent;
    private long _received;
    private long _authFailures;
    private long _foreign;

    public LatencyHistogram Latency { get; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Received => Interlocked.Read(ref _received);

    /// <summary>SRTP packets that did not authenticate (must stay 0).</summary>
    public long AuthFailures => Interlocked.Read(ref _authFailures);

    /// <summary>Decrypted packets without our stamp (e.g. padding probes from the server).</summary>
    public long Foreign => Interlocked.Read(ref _foreign);

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountReceived() => Interlocked.Increment(ref _received);

    public void CountAuthFailure() => Interlocked.Increment(ref _authFailures);

    public void CountForeign() => Interlocked.Increment(ref _foreign);

    public void Reset()
    {
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _authFailures, 0);
        Interlocked.Exchange(ref _foreign, 0);
        Latency.Reset();
    }
}
