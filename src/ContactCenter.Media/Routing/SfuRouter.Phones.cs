using ContactCenter.Media.Phones;

namespace ContactCenter.Media.Routing;

public sealed partial class SfuRouter
{
    /// <summary>
    /// A phone leg joins as a participant that publishes exactly one audio stream (its G.711, alias
    /// <paramref name="alias"/>) and receives through <paramref name="phone"/> instead of a WebRTC subscribe
    /// connection. Its edges are the control plane's as for any browser, so every call mode holds for phones.
    /// A previous registration of the same participant is replaced.
    /// </summary>
    public SfuParticipant JoinPhone(string participantId, string? sessionId, PhoneMediaEndpoint phone, string alias)
    {
        var participant = new SfuParticipant(participantId, sessionId, canPublishAudio: true, canPublishVideo: false, phone);
        // Preset before the room binds anything: the negotiator only creates a WebRTC connection when it has none.
        participant.Negotiator.Preset(phone);
        phone.Attach(this, participant);
        var stream = new PublishedStream("0", alias, Peers.MediaKind.Audio, [], [phone.Codec], 0);
        participant.PublishEndpoint = phone;
        participant.Tracks = [new PublishedTrack(participant, stream, participantId + "-phone")];
        Register(participant, "replaced by a phone leg");
        RouterLog.Joined(_logger, participantId, sessionId);
        return participant;
    }

    /// <summary>One RTP packet of a phone's published stream (plain RTP, rewritten in place per subscriber).</summary>
    internal void ForwardPhoneRtp(SfuParticipant phone, Span<byte> packet)
    {
        if (phone.IsActive)
        {
            ForwardRtp(phone, packet);
        }
    }
}
