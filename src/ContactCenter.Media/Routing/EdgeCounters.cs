namespace ContactCenter.Media.Routing;

/// <summary>Packets and bytes forwarded on one (publisher, alias, subscriber) edge; updated with Interlocked.</summary>
public sealed class EdgeCounters
{
    private long _packets;
    private long _bytes;

    public long Packets => Interlocked.Read(ref _packets);

    public long Bytes => Interlocked.Read(ref _bytes);

    internal void Add(int bytes)
    {
        Interlocked.Increment(ref _packets);
        Interlocked.Add(ref _bytes, bytes);
    }
}
