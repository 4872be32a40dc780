namespace ContactCenter.Sip.Messages;

/// <summary>
/// Outcome of parsing. On <see cref="SipParseStatus.Invalid"/>, <see cref="Message"/> is the partially
/// parsed request when it carries enough (Via, From, To, Call-ID, CSeq) to be answered with 400.
/// <see cref="Consumed"/> is how many bytes of a stream the caller should drop.
/// </summary>
public readonly record struct SipParseResult(SipParseStatus Status, SipMessage? Message, int Consumed, string? Error)
{
    /// <summary>Invalid because the message is over the size limit: answered 513 when answerable (RFC 3261 §21.5.11).</summary>
    public bool TooLarge { get; init; }

    /// <summary>Incomplete with the header section read: how many buffered bytes the message needs in all.</summary>
    public int Needed { get; init; }

    public bool CanAnswer400 => Status == SipParseStatus.Invalid && Message is { IsRequest: true } m
        && m.Method != "ACK" && m.TopVia is not null && m.CallId is not null && m.From is not null && m.To is not null
        && m.CSeq is not null;
}
