namespace ContactCenter.Sip.UserAgent;

public enum SipCallEndReason
{
    /// <summary>The phone sent BYE.</summary>
    RemoteBye,
    /// <summary><see cref="SipCall.HangUpAsync"/> was called; we sent BYE.</summary>
    LocalHangUp,
    /// <summary>No RTP from the phone for <see cref="SipOptions.NoRtpTimeoutSeconds"/>; we sent BYE.</summary>
    NoRtpTimeout,
    /// <summary>Our 200 OK was never acknowledged (RFC 3261 §13.3.1.4); we sent BYE.</summary>
    AckTimeout,
    /// <summary>After an offer-less INVITE, the ACK carried no acceptable SDP answer (RFC 3264 §6); we sent BYE.</summary>
    BadAnswer,
    /// <summary>The RTP socket failed.</summary>
    MediaError,
    /// <summary>The user agent was stopped.</summary>
    Shutdown,
}
