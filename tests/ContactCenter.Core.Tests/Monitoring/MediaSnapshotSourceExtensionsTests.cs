using ContactCenter.Core.Monitoring;

namespace ContactCenter.Core.Tests.Monitoring;

public sealed class MediaSnapshotSourceExtensionsTests
{
    [Fact]
    public void SubscribeEdges_SourceRaises_HandlerGetsSessionUntilDisposed()
    {
        var source = new RaisingSource();
        var seen = new List<string>();

        var subscription = source.SubscribeEdges(seen.Add);
        source.Raise("s1");
        subscription.Dispose();
        subscription.Dispose();
        source.Raise("s2");

        Assert.Equal(["s1"], seen);
        Assert.Equal(0, source.Listeners);
    }

    [Fact]
    public void SubscribeEdges_SourceWithoutEvents_SubscribesToNothing()
    {
        IMediaSnapshotSource source = new SilentSource();

        using var subscription = source.SubscribeEdges(_ => Assert.Fail("a source without events never raises"));

        Assert.NotNull(subscription);
    }

    private sealed class RaisingSource : IMediaSnapshotSource
    {
        public event Action<string>? EdgesChanged;

        public bool HasCounters => true;

        public int Listeners => EdgesChanged?.GetInvocationList().Length ?? 0;

        public void Raise(string sessionId) => EdgesChanged?.Invoke(sessionId);

        public Task<IReadOnlyList<MediaEdgeSnapshot>> GetEdgesAsync(string sessionId, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<MediaEdgeSnapshot>>([]);
    }

    /// <summary>Like the planned-edges source: it does not implement the event and keeps the interface's no-op.</summary>
    private sealed class SilentSource : IMediaSnapshotSource
    {
        public bool HasCounters => false;

        public Task<IReadOnlyList<MediaEdgeSnapshot>> GetEdgesAsync(string sessionId, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<MediaEdgeSnapshot>>([]);
    }
}
