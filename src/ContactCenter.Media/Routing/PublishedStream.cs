using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>What a publisher declared for one of its m-lines: the mid, its alias and the codecs negotiated.</summary>
public sealed record PublishedStream(string Mid, string Alias, MediaKind Kind, IReadOnlyList<uint> Ssrcs, IReadOnlyList<NegotiatedCodec> Codecs, int MidExtensionId);
