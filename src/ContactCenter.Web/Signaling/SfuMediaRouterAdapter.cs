using ContactCenter.Core.Routing;
using ContactCenter.Media.Routing;

namespace ContactCenter.Web.Signaling;

/// <summary>Core's <see cref="IMediaRouter"/> over the SFU: the one place control-plane edges become data-plane edges.</summary>
internal sealed class SfuMediaRouterAdapter(SfuRouter router) : IMediaRouter
{
    public void Apply(string sessionId, IReadOnlyCollection<ForwardingEdge> edges)
    {
        var mapped = new List<RouteEdge>(edges.Count);
        foreach (var edge in edges)
        {
            var alias = edge.StreamAlias == ForwardingEdge.AnyAlias ? RouteEdge.AnyAlias : edge.StreamAlias;
            mapped.Add(new RouteEdge(edge.PublisherId, alias, edge.SubscriberId));
        }

        router.Apply(sessionId, mapped);
    }

    public void RemoveSession(string sessionId) => router.RemoveSession(sessionId);
}
