using System.Globalization;
using System.Text;
using ContactCenter.Media.Sdp;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// SDP (RFC 8866) as both readers see it: the WebRTC parser of <c>Media/Sdp</c> with every typed accessor the
/// negotiation uses (rtpmap, fmtp, rtcp-fb, ssrc, extmap, BUNDLE, direction) and a write-back, and the phone-offer
/// reader of <c>Sip/Sdp</c> with its codec negotiation. The bytes are decoded as UTF-8, as signaling and SIP do.
/// </summary>
internal static class SdpHarness
{
    public static bool Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        bool accepted = SdpSessionDescription.TryParse(text, out var description, out _);
        if (accepted)
        {
            Walk(description!);
        }

        if (SdpAudioOffer.TryParse(text, out var offer))
        {
            _ = SdpNegotiation.TryNegotiate(offer, out _);
        }

        return accepted;
    }

    private static void Walk(SdpSessionDescription description)
    {
        _ = description.Origin;
        _ = description.IsIceLite;
        _ = description.BundleMids();
        _ = description.Get("fingerprint");
        foreach (var media in description.Media)
        {
            _ = media.Mid;
            _ = media.Direction;
            _ = media.IsRejected;
            _ = description.GetForMedia(media, "ice-ufrag");
            foreach (var map in media.RtpMaps())
            {
                _ = map.ToString();
            }

            foreach (var format in media.Formats)
            {
                if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int payloadType))
                {
                    _ = media.Fmtp(payloadType);
                    foreach (var feedback in media.RtcpFeedback(payloadType))
                    {
                        _ = feedback.Length;
                    }
                }
            }

            _ = media.Ssrcs();
            foreach (var extension in media.ExtMaps())
            {
                _ = extension.ToString();
            }
        }

        _ = description.ToString();
    }
}
