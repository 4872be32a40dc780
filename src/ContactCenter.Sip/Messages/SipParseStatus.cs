namespace ContactCenter.Sip.Messages;

public enum SipParseStatus
{
    Ok,
    /// <summary>Stream framing only: more bytes are needed.</summary>
    Incomplete,
    Invalid,
}
