namespace ContactCenter.Media.Routing;

/// <summary>
/// One live edge and what crossed it: <paramref name="Alias"/> is the published stream's alias when a stream
/// matched the edge, or the edge's own alias (possibly <see cref="RouteEdge.AnyAlias"/>) while nothing is published.
/// </summary>
public sealed record EdgeSnapshot(string PublisherId, string Alias, string SubscriberId, long Packets, long Bytes);
