namespace ContactCenter.Sip.Sdp;

/// <summary>SDP direction attributes (RFC 4566 §6, RFC 3264 §6.1).</summary>
public enum MediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
