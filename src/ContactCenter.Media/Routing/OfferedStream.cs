using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>A stream carried by one m-line of a subscribe offer (the offer's stream metadata).</summary>
public sealed record OfferedStream(string Mid, uint Ssrc, string StreamId, string PublisherId, string Alias, MediaKind Kind);
