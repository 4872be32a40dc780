using ContactCenter.Core.Monitoring;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Routing;

namespace ContactCenter.Web.Ui;

/// <summary>
/// Stands in for the SFU's live counters (registered with TryAdd, so the SFU's source wins): the edges the control
/// plane handed the router, recomputed from the stored subscriptions, with unknown counters.
/// </summary>
internal sealed class PlannedEdgesSnapshotSource : IMediaSnapshotSource
{
    private readonly IServiceScopeFactory _scopes;

    public PlannedEdgesSnapshotSource(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public bool HasCounters => false;

    public async Task<IReadOnlyList<MediaEdgeSnapshot>> GetEdgesAsync(string sessionId, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var members = await scope.ServiceProvider.GetRequiredService<ICallStore>().GetMembersAsync(sessionId, ct);
        return SubscriptionResolver.Resolve(members)
            .Select(e => new MediaEdgeSnapshot(e.PublisherId, e.StreamAlias, e.SubscriberId, null, null))
            .ToList();
    }
}
