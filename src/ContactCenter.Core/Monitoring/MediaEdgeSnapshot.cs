namespace ContactCenter.Core.Monitoring;

/// <summary>
/// One forwarding edge as the media plane reports it: <paramref name="Alias"/> of <paramref name="PublisherId"/>
/// reaches <paramref name="SubscriberId"/>. Counters are null when the source cannot measure them.
/// </summary>
public sealed record MediaEdgeSnapshot(string PublisherId, string Alias, string SubscriberId, long? Packets, long? Bytes);
