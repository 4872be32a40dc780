namespace ContactCenter.Media.Routing;

/// <summary>
/// One forwarding edge as the data plane knows it: the stream <paramref name="Alias"/> of
/// <paramref name="PublisherId"/> goes to <paramref name="SubscriberId"/>. <see cref="AnyAlias"/> matches every
/// stream of the publisher. The control plane's edge type is mapped onto this one by the host.
/// </summary>
public readonly record struct RouteEdge(string PublisherId, string Alias, string SubscriberId)
{
    public const string AnyAlias = "*";

    public bool Covers(string alias) => Alias == AnyAlias || string.Equals(Alias, alias, StringComparison.Ordinal);
}
