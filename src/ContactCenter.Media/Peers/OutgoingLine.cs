namespace ContactCenter.Media.Peers;

/// <summary>
/// One m-line of a subscribe offer: its kind, and when it carries a stream, the SSRC and msid we send it with.
/// An unbound line is offered <c>inactive</c> so that it can be reused later (RFC 3264 §8.2).
/// </summary>
public sealed record OutgoingLine(MediaKind Kind, bool Send, uint Ssrc, string StreamId, string TrackId);
