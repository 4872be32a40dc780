using ContactCenter.Media.Peers;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Routing;

/// <summary>
/// Creates and negotiates the two real connections of a participant over the shared UDP transport (ARCHITECTURE
/// "Signaling"): the publish connection answers the client's offers, and the subscribe connection is made by
/// the router when the first stream is to be received.
/// </summary>
public sealed class SfuConnections
{
    private readonly UdpMediaTransport _transport;

    public SfuConnections(UdpMediaTransport transport, SfuRouter router)
    {
        _transport = transport;
        Router = router;
    }

    public SfuRouter Router { get; }

    /// <summary>The factory the router is built with: a send-only peer whose RTCP comes back to the router.</summary>
    public static ISubscribeConnection CreateSubscribe(UdpMediaTransport transport, SfuRouter router, SfuParticipant participant)
    {
        var peer = transport.CreatePeer(new PeerConnectionOptions { Send = true, Receive = false });
        var connection = new PeerSubscribeConnection(peer);
        peer.UserState = participant;
        peer.Sink = router;
        participant.SubscribePeer = peer;
        peer.StateChanged += (_, state) =>
        {
            if (state == PeerConnectionState.Connected)
            {
                router.OnSubscribeConnected(participant);
            }
            else if (state == PeerConnectionState.Closed)
            {
                router.OnSubscribeClosed(participant, connection);
            }
        };
        return connection;
    }

    /// <summary>
    /// Answers a publish offer. Every stream named in <paramref name="streams"/> must be an audio or video m-line
    /// of the offer whose kind the participant may publish, or the whole request is refused and nothing changes.
    /// Kinds outside the permissions are answered with port 0 (RFC 3264 §6) and never forwarded.
    /// </summary>
    public PublishAnswer Publish(SfuParticipant participant, string offerSdp, IReadOnlyList<PublishStreamRequest> streams)
    {
        SdpSessionDescription offer;
        try
        {
            offer = SdpSessionDescription.Parse(offerSdp);
        }
        catch (FormatException ex)
        {
            throw new MediaSignalingException("The offer is not valid SDP: " + ex.Message, ex);
        }

        foreach (var stream in streams)
        {
            if (string.IsNullOrWhiteSpace(stream.Alias))
            {
                throw new MediaSignalingException($"The stream on mid {stream.Mid} has no alias.");
            }

            var line = offer.Media.Find(m => m.Mid == stream.Mid)
                ?? throw new MediaSignalingException($"The offer has no m-line with mid {stream.Mid} (stream '{stream.Alias}').");
            MediaKind? kind = line.Media switch { "audio" => MediaKind.Audio, "video" => MediaKind.Video, _ => null };
            if (kind is null)
            {
                throw new MediaSignalingException($"mid {stream.Mid} is '{line.Media}', not audio or video.");
            }

            if (!participant.CanPublish(kind.Value))
            {
                throw new MediaSignalingException(
                    $"Participant {participant.Id} may not publish {kind.Value.ToString().ToUpperInvariant()} " +
                    $"(stream '{stream.Alias}' on mid {stream.Mid}): its publishPermissions do not include it.");
            }
        }

        // A registration replaced by a newer connection of the same participant (or gone) makes no peer: nothing
        // would ever close it, so each stale connection could otherwise leave one behind for the consent timeout.
        if (!participant.IsActive)
        {
            throw new MediaSignalingException("The participant is no longer connected: a newer connection replaced this one.");
        }

        var peer = participant.PublishPeer;
        string answer;
        try
        {
            if (peer is null)
            {
                peer = _transport.CreatePeer(new PeerConnectionOptions
                {
                    AcceptAudio = participant.CanPublishAudio,
                    AcceptVideo = participant.CanPublishVideo,
                    Send = false,
                    Receive = true,
                });
                peer.UserState = participant;
                peer.Sink = Router;
                var created = peer;
                peer.StateChanged += (_, state) =>
                {
                    if (state == PeerConnectionState.Closed)
                    {
                        Router.OnPublishClosed(participant, created);
                    }
                };
                answer = peer.CreateAnswer(offerSdp);
                participant.PublishPeer = peer;
            }
            else
            {
                answer = peer.CreateSubsequentAnswer(offerSdp);
            }
        }
        catch (FormatException ex)
        {
            if (participant.PublishPeer is null)
            {
                peer?.Close("bad offer");
            }

            throw new MediaSignalingException("The offer was refused: " + ex.Message, ex);
        }

        var published = new List<PublishedStream>(streams.Count);
        foreach (var stream in streams)
        {
            var media = FindMedia(peer, stream.Mid);
            if (media is { WeReceive: true })
            {
                published.Add(new PublishedStream(media.Mid, stream.Alias, media.Kind, [.. media.RemoteSsrcs], [.. media.Codecs], media.MidExtensionId));
            }
        }

        IReadOnlyList<PublishedTrack> tracks;
        try
        {
            tracks = Router.SetPublishedStreams(participant, new PeerMediaEndpoint(peer), published);
        }
        catch (MediaSignalingException) when (!participant.IsActive)
        {
            peer.Close("participant left"); // it left while this offer was answered: its Detach may have missed the peer
            throw;
        }

        return new PublishAnswer(answer, tracks);
    }

    private static NegotiatedMedia? FindMedia(PeerConnection peer, string mid)
    {
        foreach (var media in peer.Media)
        {
            if (media.Mid == mid)
            {
                return media;
            }
        }

        return null;
    }
}
