namespace ContactCenter.Media.Transport;

/// <summary>Demultiplexes one datagram by its first bytes.</summary>
internal static class MediaPacketClassifier
{
    /// <summary>
    /// RFC 7983 §7: first byte 0–3 STUN, 20–63 DTLS, 128–191 RTP/RTCP (ZRTP 16–19 and TURN channels 64–79
    /// are not used here). Within RTP/RTCP, a second byte of 192–223 is an RTCP packet type (RFC 5761 §4).
    /// </summary>
    public static MediaPacketKind Classify(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return MediaPacketKind.Unknown;
        }

        byte first = packet[0];
        if (first <= 3)
        {
            return MediaPacketKind.Stun;
        }

        if (first is >= 20 and <= 63)
        {
            return MediaPacketKind.Dtls;
        }

        if (first is >= 128 and <= 191 && packet.Length >= 2)
        {
            return packet[1] is >= 192 and <= 223 ? MediaPacketKind.Rtcp : MediaPacketKind.Rtp;
        }

        return MediaPacketKind.Unknown;
    }
}
