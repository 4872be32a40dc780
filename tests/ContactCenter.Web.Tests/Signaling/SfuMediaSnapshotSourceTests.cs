using ContactCenter.Core.Monitoring;
using ContactCenter.Media.Routing;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Tests.Signaling;

public sealed class SfuMediaSnapshotSourceTests
{
    // Nobody joins in these tests, so the router never asks for a subscribe connection.
    private static SfuRouter NewRouter() => new((_, participant) => throw new InvalidOperationException($"{participant.Id} did not join"));

    [Fact]
    public async Task EdgesChanged_RouterAppliesEdges_ForwardsTheSessionIdUntilUnsubscribed()
    {
        var router = NewRouter();
        IMediaSnapshotSource source = new SfuMediaSnapshotSource(router);
        var seen = new List<string>();

        using (source.SubscribeEdges(seen.Add))
        {
            router.Apply("s1", [new RouteEdge("a", RouteEdge.AnyAlias, "b")]);
            router.Apply("s2", [new RouteEdge("c", RouteEdge.AnyAlias, "d")]);
        }

        router.Apply("s1", []);

        Assert.Equal(["s1", "s2"], seen);
        var edge = Assert.Single(await source.GetEdgesAsync("s2"));
        Assert.Equal(("c", "d"), (edge.PublisherId, edge.SubscriberId));
    }

    [Fact]
    public void EdgesChanged_SessionEnds_Forwarded()
    {
        var router = NewRouter();
        IMediaSnapshotSource source = new SfuMediaSnapshotSource(router);
        router.Apply("s1", [new RouteEdge("a", RouteEdge.AnyAlias, "b")]);
        var seen = new List<string>();
        using var subscription = source.SubscribeEdges(seen.Add);

        router.RemoveSession("s1");

        Assert.Equal(["s1"], seen);
    }
}
