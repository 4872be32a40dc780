namespace ContactCenter.Media.Routing;

public sealed partial class SfuRouter
{
    /// <summary>
    /// Sets what <paramref name="publisher"/> publishes (its whole set after a publish negotiation). A stream of a
    /// kind outside its permissions is refused. Tracks with the same mid and alias keep their identity, so their
    /// subscribers are not renegotiated.
    /// </summary>
    public IReadOnlyList<PublishedTrack> SetPublishedStreams(SfuParticipant publisher, IMediaEndpoint endpoint, IReadOnlyList<PublishedStream> streams)
    {
        PublishedTrack[] tracks;
        lock (_gate)
        {
            if (!publisher.IsActive)
            {
                throw new MediaSignalingException("The participant is no longer connected.");
            }

            foreach (var stream in streams)
            {
                if (!publisher.CanPublish(stream.Kind))
                {
                    throw new MediaSignalingException(
                        $"Participant {publisher.Id} may not publish {stream.Kind.ToString().ToUpperInvariant()} (stream '{stream.Alias}').");
                }
            }

            var existing = publisher.Tracks;
            tracks = new PublishedTrack[streams.Count];
            for (int i = 0; i < streams.Count; i++)
            {
                var stream = streams[i];
                var kept = Array.Find(existing, t => t.Mid == stream.Mid && t.Alias == stream.Alias && t.Kind == stream.Kind);
                if (kept is not null)
                {
                    kept.Update(stream);
                    tracks[i] = kept;
                }
                else
                {
                    tracks[i] = new PublishedTrack(publisher, stream, publisher.Id + "-" + stream.Mid);
                }
            }

            publisher.PublishEndpoint = endpoint;
            publisher.Tracks = tracks;
            Reconcile();
        }

        RouterLog.Published(_logger, publisher.Id, tracks.Length, string.Join(',', tracks.Select(t => t.Alias)));
        RaiseChanged(publisher.SessionId);
        return tracks;
    }

    /// <summary>Stops publishing every stream with <paramref name="alias"/>; subscribers stop receiving it at once.</summary>
    public bool Unpublish(SfuParticipant publisher, string alias)
    {
        lock (_gate)
        {
            var existing = publisher.Tracks;
            var kept = Array.FindAll(existing, t => t.Alias != alias);
            if (kept.Length == existing.Length)
            {
                return false;
            }

            publisher.Tracks = kept;
            Reconcile();
        }

        RaiseChanged(publisher.SessionId);
        return true;
    }

    /// <summary>The publish connection closed (consent expired, DTLS failed): its streams end.</summary>
    internal void OnPublishClosed(SfuParticipant publisher, object connection)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(publisher.PublishPeer, connection) && !ReferenceEquals(publisher.PublishEndpoint, connection))
            {
                return;
            }

            publisher.Tracks = [];
            publisher.PublishPeer = null;
            publisher.PublishEndpoint = null;
            Reconcile();
        }

        RaiseChanged(publisher.SessionId);
    }

    /// <summary>The subscribe connection closed: forget its m-lines; the next binding starts a new connection.</summary>
    internal void OnSubscribeClosed(SfuParticipant subscriber, ISubscribeConnection connection)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(subscriber.Subscribe, connection))
            {
                return;
            }

            subscriber.Subscribe = null;
            subscriber.SubscribePeer = null;
            subscriber.Slots.Clear();
            subscriber.PublishSlots();
            subscriber.PendingRevision = 0;
            subscriber.NeedsOffer = false;
            Reconcile();
        }

        RaiseChanged(subscriber.SessionId);
    }
}
