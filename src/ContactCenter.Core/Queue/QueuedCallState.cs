namespace ContactCenter.Core.Queue;

/// <summary>A waiting call as the queue holds it: its place (time, then sequence), its open offer and who declined it when.</summary>
public sealed record QueuedCallState(
    string CallId, DateTimeOffset EnqueuedAt, long Sequence, QueueOffer? Offer, IReadOnlyDictionary<string, DateTimeOffset> DeclinedBy);
