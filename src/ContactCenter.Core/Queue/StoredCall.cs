namespace ContactCenter.Core.Queue;

/// <summary>
/// One call as stored. <see cref="QueueSequence"/> is set while the call waits (its place in line, after
/// <see cref="WaitingSince"/>); the offer fields while an agent is offered it. <see cref="DeclinedBy"/> maps agents to
/// when they declined. <see cref="CustomerResumeHash"/> is the hash of the secret that lets the customer's browser
/// rejoin the call after a reload. <see cref="CallerKey"/> identifies the caller across calls (see <see cref="CallerKeys"/>).
/// </summary>
public sealed record StoredCall(
    string CallId,
    string CustomerParticipantId,
    string CustomerName,
    string CustomerTag,
    DateTimeOffset WaitingSince,
    long? QueueSequence,
    QueueOffer? Offer,
    IReadOnlyDictionary<string, DateTimeOffset> DeclinedBy,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> Whispered,
    IReadOnlyList<StoredCallMember> Members,
    string? CustomerResumeHash,
    string? CallerKey = null);
