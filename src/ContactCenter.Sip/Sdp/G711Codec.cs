namespace ContactCenter.Sip.Sdp;

/// <summary>The two phone codecs we speak (RFC 3551 §4.5.14): PCMU is static payload type 0, PCMA 8.</summary>
public enum G711Codec
{
    Pcmu,
    Pcma,
}
