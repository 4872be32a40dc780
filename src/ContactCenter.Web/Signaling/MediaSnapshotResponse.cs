namespace ContactCenter.Web.Signaling;

/// <summary>GET …/sessions/{s}/media: the session's live forwarding edges.</summary>
public sealed record MediaSnapshotResponse(string SessionId, IReadOnlyList<MediaEdgeResponse> Edges);

/// <summary>One live edge: <paramref name="Alias"/> of <paramref name="PublisherId"/> reaches <paramref name="SubscriberId"/>.</summary>
public sealed record MediaEdgeResponse(string PublisherId, string Alias, string SubscriberId, long Packets, long Bytes);
