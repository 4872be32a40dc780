namespace ContactCenter.Core.Routing;

/// <summary>
/// One forwarding decision: the stream <paramref name="StreamAlias"/> published by <paramref name="PublisherId"/>
/// goes to <paramref name="SubscriberId"/>. <see cref="AnyAlias"/> stands for every stream of the publisher.
/// </summary>
public readonly record struct ForwardingEdge(string PublisherId, string StreamAlias, string SubscriberId)
{
    public const string AnyAlias = "*";

    public bool Matches(string publisherId, string alias) =>
        PublisherId == publisherId && (StreamAlias == AnyAlias || StreamAlias == alias);

    public override string ToString() => $"{PublisherId}/{StreamAlias} -> {SubscriberId}";
}
