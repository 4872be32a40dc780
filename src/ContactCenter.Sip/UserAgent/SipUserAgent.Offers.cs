using System.Net;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.UserAgent;

public sealed partial class SipUserAgent
{
    /// <summary>What we plan to use when we make the offer: PCMU first, RFC 4733 events on 101.</summary>
    private static readonly SdpNegotiation s_ourOfferPlan = new(G711Codec.Pcmu, 0, SdpAnswerWriter.DefaultTelephoneEvent, RtcpMux: false);

    /// <summary>
    /// Reads the INVITE's offer. An INVITE without a body is legal (RFC 3261 §13.2.1): then the offer is
    /// ours, in the 200 OK, and <paramref name="offer"/> is null. False when a body is there but unusable.
    /// </summary>
    private static bool TryReadOffer(SipMessage request, out SdpAudioOffer? offer, out SdpNegotiation negotiation)
    {
        offer = null;
        negotiation = s_ourOfferPlan;
        if (request.Body.Length == 0)
        {
            return true;
        }
        var contentType = request.GetHeader(SipHeaderNames.ContentType);
        if (contentType is null || !contentType.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase)
            || !SdpAudioOffer.TryParse(Encoding.UTF8.GetString(request.Body), out var parsed)
            || !SdpNegotiation.TryNegotiate(parsed, out negotiation))
        {
            return false;
        }
        offer = parsed;
        return true;
    }

    /// <summary>
    /// The answer to our offer arrives in the ACK (RFC 3264 §6): it picks one of our codecs and tells us
    /// where to send. Without a usable answer the session cannot work, so the caller hangs up.
    /// </summary>
    private static bool ApplyAnswerFromAck(SipCall call, SipMessage ack)
    {
        call.AwaitingAnswer = false;
        if (ack.Body.Length == 0 || !SdpAudioOffer.TryParse(Encoding.UTF8.GetString(ack.Body), out var answer)
            || !SdpNegotiation.TryNegotiate(answer, out var negotiation)
            || negotiation.PayloadType is not (0 or 8))
        {
            return false;
        }
        if (negotiation.TelephoneEventPayloadType is int te && te != SdpAnswerWriter.DefaultTelephoneEvent)
        {
            return false;
        }
        var remote = answer.ConnectionAddress is { } address ? new IPEndPoint(address, answer.Port) : null;
        // The answerer's direction is its own; ours is the mirror image (RFC 3264 §6.1).
        call.AnsweredDirection = SdpNegotiation.AnswerDirection(answer.Direction);
        call.OnHold = answer.Direction is MediaDirection.SendOnly or MediaDirection.Inactive;
        call.Bridge.Codec = negotiation.Codec;
        call.Leg.Update(call.AnsweredDirection, remote, negotiation);
        return true;
    }
}
