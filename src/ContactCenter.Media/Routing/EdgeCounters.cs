namespace ContactCenter.Media.Routing;

/// <summary>Packets and bytes forwarded on one (publisher, alias, subscriber) edge; updated with Interlocked.</summary>
public sealed class EdgeCounters
{
    private long _packets;
    private long _bytes;
    private long _lastForwarded;

    public long Packets => Interlocked.Read(ref _packets);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> of the last packet forwarded (0 before the first):
    /// measures how soon a removed edge really stops.
    /// </summary>
    public long LastForwardedTimestamp => Volatile.Read(ref _lastForwarded);

    internal void Add(int bytes)
    {
        Interlocked.Increment(ref _packets);
        Interlocked.Add(ref _bytes, bytes);
        Volatile.Write(ref _lastForwarded, System.Diagnostics.Stopwatch.GetTimestamp());
    }
}
