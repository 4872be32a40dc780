namespace ContactCenter.Core.Queue;

/// <summary>A call offered to an agent: who calls, since when they wait, and until when the offer stands.</summary>
public sealed record OfferView(string CallId, string CallerName, string CallerTag, DateTimeOffset WaitingSince, DateTimeOffset ExpiresAt);
