using ContactCenter.Core.Monitoring;
using ContactCenter.Media.Routing;

namespace ContactCenter.Web.Signaling;

/// <summary>The who-hears-whom matrix from the SFU's live edges and counters (measured, not planned).</summary>
internal sealed class SfuMediaSnapshotSource(SfuRouter router) : IMediaSnapshotSource
{
    public bool HasCounters => true;

    /// <summary>The router's own event: raised outside every routing lock after a session's room changed.</summary>
    public event Action<string>? EdgesChanged
    {
        add => router.EdgesChanged += value;
        remove => router.EdgesChanged -= value;
    }

    public Task<IReadOnlyList<MediaEdgeSnapshot>> GetEdgesAsync(string sessionId, CancellationToken ct = default)
    {
        var rows = router.Snapshot(sessionId);
        var result = new List<MediaEdgeSnapshot>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(new MediaEdgeSnapshot(row.PublisherId, row.Alias, row.SubscriberId, row.Packets, row.Bytes));
        }

        return Task.FromResult<IReadOnlyList<MediaEdgeSnapshot>>(result);
    }
}
