namespace ContactCenter.Sip.Media;

public enum RtpLegEndReason
{
    Closed,
    NoRtpTimeout,
    SocketError,
}
