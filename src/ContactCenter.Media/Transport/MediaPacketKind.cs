namespace ContactCenter.Media.Transport;

/// <summary>The protocols that share the media port (RFC 7983 §7).</summary>
internal enum MediaPacketKind
{
    Unknown,
    Stun,
    Dtls,
    Rtp,
    Rtcp,
}
