namespace ContactCenter.Media.Routing;

public sealed partial class SfuRouter
{
    /// <summary>
    /// Applies the subscriber's answer to its pending offer. Streams newly carried become live (the room writes
    /// their targets), streamAvailable goes out, and the publishers of new video streams are asked for a keyframe.
    /// </summary>
    public void AcceptAnswer(SfuParticipant subscriber, string answerSdp, int sdpRevision)
    {
        if (!subscriber.IsActive)
        {
            throw new MediaSignalingException("There is no subscribe offer to answer.");
        }

        var keyframes = subscriber.Negotiator.AcceptAnswer(answerSdp, sdpRevision);
        RouterLog.Answered(_logger, subscriber.Id, sdpRevision);

        // The room re-derives its targets (the answered lines start forwarding) and the negotiator offers again
        // when bindings changed while this answer was outstanding.
        Change(subscriber, null);
        subscriber.Negotiator.OfferIfNeeded(() => _subscribeFactory(this, subscriber), _logOffer);

        if (subscriber.Subscribe?.IsConnected == true)
        {
            foreach (var track in keyframes)
            {
                RequestKeyframe(track, force: true);
            }
        }
    }

    /// <summary>A new offer for the same m-lines (the client lost its connection state or wants an ICE restart).</summary>
    public void RequestOffer(SfuParticipant subscriber)
    {
        if (subscriber.IsActive)
        {
            subscriber.Negotiator.RequestOffer(() => _subscribeFactory(this, subscriber), _logOffer);
        }
    }

    /// <summary>The subscribe connection finished DTLS: start every video stream it carries on a keyframe.</summary>
    internal void OnSubscribeConnected(SfuParticipant subscriber)
    {
        foreach (var track in subscriber.Negotiator.VideoTracks())
        {
            RequestKeyframe(track, force: true);
        }
    }
}
