namespace ContactCenter.Core.Monitoring;

public static class MediaSnapshotSourceExtensions
{
    /// <summary>
    /// Listens to <see cref="IMediaSnapshotSource.EdgesChanged"/> until the returned subscription is disposed (a
    /// page holds it for as long as it is on screen).
    /// </summary>
    public static IDisposable SubscribeEdges(this IMediaSnapshotSource source, Action<string> onChange)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(onChange);
        source.EdgesChanged += onChange;
        return new Subscription(source, onChange);
    }

    private sealed class Subscription(IMediaSnapshotSource source, Action<string> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                source.EdgesChanged -= onChange;
            }
        }
    }
}
