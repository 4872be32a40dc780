namespace ContactCenter.Media.Routing;

/// <summary>What participants publish: their tracks change under their room's lock, and dropped tracks stop at once.</summary>
internal sealed class TrackPublisher(RoomDirectory directory, Microsoft.Extensions.Logging.ILogger logger)
{
    private readonly RoomDirectory _directory = directory;
    private readonly Microsoft.Extensions.Logging.ILogger _logger = logger;

    /// <summary>
    /// Sets what <paramref name="publisher"/> publishes (its whole set after a publish negotiation). A stream of a
    /// kind outside its permissions is refused. Tracks with the same mid and alias keep their identity, so their
    /// subscribers are not renegotiated.
    /// </summary>
    public IReadOnlyList<PublishedTrack> SetPublishedStreams(SfuParticipant publisher, IMediaEndpoint endpoint, IReadOnlyList<PublishedStream> streams)
    {
        foreach (var stream in streams)
        {
            if (!publisher.CanPublish(stream.Kind))
            {
                throw new MediaSignalingException(
                    $"Participant {publisher.Id} may not publish {stream.Kind.ToString().ToUpperInvariant()} (stream '{stream.Alias}').");
            }
        }

        PublishedTrack[] tracks = [];
        _directory.Change(publisher, p =>
        {
            if (!p.IsActive)
            {
                throw new MediaSignalingException("The participant is no longer connected.");
            }

            var existing = p.Tracks;
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
                    tracks[i] = new PublishedTrack(p, stream, p.Id + "-" + stream.Mid);
                }
            }

            StopDropped(existing, tracks);
            p.PublishEndpoint = endpoint;
            p.Tracks = tracks;
        });

        RouterLog.Published(_logger, publisher.Id, tracks.Length, string.Join(',', tracks.Select(t => t.Alias)));
        return tracks;
    }

    /// <summary>Stops publishing every stream with <paramref name="alias"/>; subscribers stop receiving it at once.</summary>
    public bool Unpublish(SfuParticipant publisher, string alias)
    {
        bool removed = false;
        _directory.Change(publisher, p =>
        {
            var existing = p.Tracks;
            var kept = Array.FindAll(existing, t => t.Alias != alias);
            removed = kept.Length != existing.Length;
            StopDropped(existing, kept);
            p.Tracks = kept;
        });
        return removed;
    }

    /// <summary>The publish connection closed (consent expired, DTLS failed): its streams end.</summary>
    public void OnPublishClosed(SfuParticipant publisher, object connection)
    {
        _directory.Change(publisher, p =>
        {
            if (!ReferenceEquals(p.PublishPeer, connection) && !ReferenceEquals(p.PublishEndpoint, connection))
            {
                return;
            }

            StopDropped(p.Tracks, []);
            p.Tracks = [];
            p.PublishPeer = null;
            p.PublishEndpoint = null;
        });
    }

    /// <summary>The subscribe connection closed: forget its m-lines; the next binding starts a new connection.</summary>
    public void OnSubscribeClosed(SfuParticipant subscriber, ISubscribeConnection connection)
    {
        if (subscriber.Negotiator.Reset(connection))
        {
            subscriber.SubscribePeer = null;
            _directory.Change(subscriber, null);
        }
    }

    /// <summary>A track no longer published forwards nothing from the next packet on (its targets go first).</summary>
    private static void StopDropped(PublishedTrack[] before, PublishedTrack[] after)
    {
        foreach (var track in before)
        {
            if (Array.IndexOf(after, track) < 0)
            {
                track.Targets = [];
            }
        }
    }
}
