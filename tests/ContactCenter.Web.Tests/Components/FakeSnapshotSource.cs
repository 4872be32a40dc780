using ContactCenter.Core.Monitoring;

namespace ContactCenter.Web.Tests.Components;

/// <summary>A media snapshot source whose edges and <see cref="EdgesChanged"/> the test drives; it counts the reads.</summary>
internal sealed class FakeSnapshotSource : IMediaSnapshotSource
{
    private readonly Dictionary<string, IReadOnlyList<MediaEdgeSnapshot>> _edges = new(StringComparer.Ordinal);
    private readonly List<string> _reads = [];

    public event Action<string>? EdgesChanged;

    public bool HasCounters => true;

    public int Listeners => EdgesChanged?.GetInvocationList().Length ?? 0;

    public IReadOnlyList<string> Reads
    {
        get
        {
            lock (_reads)
            {
                return [.. _reads];
            }
        }
    }

    public void Set(string sessionId, params MediaEdgeSnapshot[] edges)
    {
        lock (_reads)
        {
            _edges[sessionId] = edges;
        }
    }

    /// <summary>Raises the event on this thread, as the router raises it on the thread that changed the edges.</summary>
    public void Raise(string sessionId) => EdgesChanged?.Invoke(sessionId);

    public Task<IReadOnlyList<MediaEdgeSnapshot>> GetEdgesAsync(string sessionId, CancellationToken ct = default)
    {
        lock (_reads)
        {
            _reads.Add(sessionId);
            return Task.FromResult(_edges.GetValueOrDefault(sessionId) ?? []);
        }
    }
}
