namespace ContactCenter.Sip.Sdp;

/// <summary>What offer/answer settled on for a phone leg.</summary>
public sealed record SdpNegotiation(G711Codec Codec, int PayloadType, int? TelephoneEventPayloadType, bool RtcpMux)
{
    /// <summary>
    /// Picks the first offered of PCMU/PCMA (the offerer's preference order, RFC 3264 §6.1) and
    /// telephone-event/8000 if offered (RFC 4733 §7.1.1). Only plain RTP/AVP is accepted: no SRTP toward phones.
    /// </summary>
    public static bool TryNegotiate(SdpAudioOffer offer, out SdpNegotiation negotiation)
    {
        negotiation = null!;
        if (offer.Port == 0 || !string.Equals(offer.Protocol, "RTP/AVP", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        int? chosen = null;
        G711Codec codec = default;
        int? telephoneEvent = null;
        foreach (var pt in offer.PayloadTypes)
        {
            var map = offer.RtpMaps.TryGetValue(pt, out var m) ? m : null;
            if (chosen is null && (map is null ? pt == 0 : map.StartsWith("PCMU/8000", StringComparison.OrdinalIgnoreCase)))
            {
                (chosen, codec) = (pt, G711Codec.Pcmu);
            }
            else if (chosen is null && (map is null ? pt == 8 : map.StartsWith("PCMA/8000", StringComparison.OrdinalIgnoreCase)))
            {
                (chosen, codec) = (pt, G711Codec.Pcma);
            }
            else if (telephoneEvent is null && map is not null && map.StartsWith("telephone-event/8000", StringComparison.OrdinalIgnoreCase))
            {
                telephoneEvent = pt;
            }
        }
        if (chosen is null)
        {
            return false;
        }
        negotiation = new SdpNegotiation(codec, chosen.Value, telephoneEvent, offer.RtcpMux);
        return true;
    }

    /// <summary>Our direction for the answer (RFC 3264 §6.1): sendonly ↔ recvonly, inactive stays inactive.</summary>
    public static MediaDirection AnswerDirection(MediaDirection offered) => offered switch
    {
        MediaDirection.SendOnly => MediaDirection.RecvOnly,
        MediaDirection.RecvOnly => MediaDirection.SendOnly,
        MediaDirection.Inactive => MediaDirection.Inactive,
        _ => MediaDirection.SendRecv,
    };
}
