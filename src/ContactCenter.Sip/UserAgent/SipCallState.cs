namespace ContactCenter.Sip.UserAgent;

public enum SipCallState
{
    /// <summary>200 OK sent, waiting for the ACK.</summary>
    Accepted,
    /// <summary>ACK received.</summary>
    Established,
    Ended,
}
