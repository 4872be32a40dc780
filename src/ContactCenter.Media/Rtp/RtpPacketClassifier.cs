namespace ContactCenter.Media.Rtp;

/// <summary>Demultiplexing of one UDP port (RFC 7983 §7) and of RTP from RTCP under rtcp-mux (RFC 5761 §4).</summary>
internal static class RtpPacketClassifier
{
    /// <summary>First byte 128–191: RTP or RTCP (0–3 is STUN, 20–63 DTLS).</summary>
    public static bool IsRtpOrRtcp(ReadOnlySpan<byte> packet) => packet.Length >= 2 && packet[0] is >= 128 and <= 191;

    /// <summary>Within the RTP/RTCP range, a second byte of 192–223 is an RTCP packet type (RFC 5761 §4).</summary>
    public static bool IsRtcp(ReadOnlySpan<byte> packet) => IsRtpOrRtcp(packet) && packet[1] is >= 192 and <= 223;

    public static bool IsRtp(ReadOnlySpan<byte> packet) => IsRtpOrRtcp(packet) && packet[1] is < 192 or > 223;
}
