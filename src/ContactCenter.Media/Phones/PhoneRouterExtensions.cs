using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Phones;

/// <summary>Phone legs in the router (Phones builds on Routing; the router names no phone type).</summary>
public static class PhoneRouterExtensions
{
    /// <summary>
    /// A phone leg joins as an ordinary room member: it publishes exactly one audio stream (its G.711, alias
    /// <paramref name="alias"/>) and receives, through <paramref name="phone"/>, the audio its edges name, without
    /// SDP or negotiation. Its edges are the control plane's as for any browser, so every call mode holds for phones.
    /// A previous registration of the same participant is replaced.
    /// </summary>
    public static SfuParticipant JoinPhone(this SfuRouter router, string participantId, string? sessionId, PhoneMediaEndpoint phone, string alias) =>
        router.JoinDirect(
            participantId, sessionId, phone, new PublishedStream("0", alias, MediaKind.Audio, [], [phone.Codec], 0), participantId + "-phone",
            participant => phone.Attach(router, participant));
}
