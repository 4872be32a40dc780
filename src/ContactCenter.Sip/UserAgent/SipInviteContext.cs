using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.UserAgent;

/// <summary>What the handler knows about a new INVITE.</summary>
/// <param name="CallId">SIP Call-ID.</param>
/// <param name="From">The caller's From header; <see cref="CallerNumber"/> is its user part (show it, never tag it).</param>
/// <param name="Token">The participant JWT from <c>User-To-User: {token};encoding=jwt</c>, or null.</param>
/// <param name="UuiCallId">The value labelled <c>encoding=base64</c> before the token, as written, or null.</param>
/// <param name="Trunk">The trunk the call came from (token-less calls only; already authenticated).</param>
/// <param name="Offer">The phone's SDP offer; null for an offer-less INVITE (we offer in the 200 OK, RFC 3261 §13.2.1).</param>
/// <param name="Negotiation">The codec settled on; for an offer-less INVITE the plan until the ACK's answer arrives.</param>
public sealed record SipInviteContext(
    string CallId,
    string RequestUri,
    SipNameAddr From,
    SipNameAddr To,
    string? CallerNumber,
    string? Token,
    string? UuiCallId,
    SipTrunkOptions? Trunk,
    IPEndPoint RemoteEndPoint,
    string Transport,
    SdpAudioOffer? Offer,
    SdpNegotiation Negotiation,
    IReadOnlyList<SipHeader> Headers);
