using ContactCenter.Media.Peers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The SFU's forwarding plane, on mediasoup's model: one <see cref="MediaRoom"/> per session owns its members,
/// tracks, edges and counters behind its own lock; each published track holds its receivers as an immutable
/// array (one volatile write per change), and each participant's <see cref="SubscribeNegotiator"/> writes its
/// SDP outside every routing lock. This class is the surface the host uses; it composes the objects that do the
/// work: <see cref="RoomDirectory"/> (rooms and registrations), <see cref="TrackPublisher"/> (what is published),
/// <see cref="RtpForwarder"/> (the fan-out) and <see cref="RtcpFeedback"/> (sender reports, keyframes, NACKs).
/// A change in one session never waits for, walks or rebuilds anything of another, and a removed edge is gone
/// from the next packet on, without waiting for any renegotiation.
/// </summary>
public sealed class SfuRouter : IRtpSink
{
    /// <summary>SSRC the SFU puts in the feedback it originates (RFC 4585 §6.1 packet sender SSRC).</summary>
    internal const uint RouterSsrc = RtcpFeedback.RouterSsrc;

    private readonly ILogger _logger;
    private readonly RoomDirectory _directory;
    private readonly TrackPublisher _publisher;
    private readonly RtpForwarder _forwarder = new();
    private readonly RtcpFeedback _feedback;

    public SfuRouter(
        Func<SfuRouter, SfuParticipant, ISubscribeConnection> subscribeFactory,
        SfuRouterOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SfuRouter>();
        var time = timeProvider ?? TimeProvider.System;
        _directory = new RoomDirectory(participant => subscribeFactory(this, participant), _logger, id => EdgesChanged?.Invoke(id));
        _publisher = new TrackPublisher(_directory, _logger);
        _feedback = new RtcpFeedback(options ?? new SfuRouterOptions(), time, _logger);
    }

    /// <summary>Raised (outside every lock) with the session id whenever that session's live edges changed.</summary>
    public event Action<string>? EdgesChanged;

    /// <summary>Sessions with a room now (diagnostics and tests).</summary>
    public int RoomCount => _directory.RoomCount;

    /// <summary>Dropped because no published track of the sender matched (unknown SSRC, or a refused kind).</summary>
    public long UnmatchedPackets => _forwarder.UnmatchedPackets;

    public long KeyframeRequestsSent => _feedback.KeyframeRequestsSent;

    public long RetransmissionsSent => _feedback.RetransmissionsSent;

    /// <summary>
    /// A participant's signaling connected. A previous registration of the same participant is closed and
    /// replaced (a reconnect). Its edges, already applied by the control plane, take effect now.
    /// </summary>
    public SfuParticipant Join(string participantId, string? sessionId, bool canPublishAudio, bool canPublishVideo, ISfuSignal signal)
    {
        var participant = new SfuParticipant(participantId, sessionId, canPublishAudio, canPublishVideo, signal);
        _directory.Register(participant, "replaced by a new connection");
        RouterLog.Joined(_logger, participantId, sessionId);
        return participant;
    }

    /// <summary>The participant's signaling went away: its connections close and nothing more is forwarded.</summary>
    public void Leave(SfuParticipant participant, string reason)
    {
        if (_directory.Detach(participant, reason))
        {
            _directory.Forget(participant);
            RouterLog.Left(_logger, participant.Id, reason);
        }
    }

    /// <summary>Replaces the session's edges with <paramref name="edges"/> (the whole set) atomically.</summary>
    public void Apply(string sessionId, IReadOnlyCollection<RouteEdge> edges) => _directory.Apply(sessionId, edges);

    public void RemoveSession(string sessionId) => _directory.RemoveSession(sessionId);

    /// <summary>The participant's current registration, or null when its signaling is not connected.</summary>
    public SfuParticipant? Find(string participantId) => _directory.Find(participantId);

    /// <summary>The session's edges as applied, one row per published stream they match, with live counters.</summary>
    public IReadOnlyList<EdgeSnapshot> Snapshot(string sessionId) => _directory.Snapshot(sessionId);

    /// <summary>Counters of one (publisher, stream alias, subscriber) edge, or null when nothing was ever forwarded on it.</summary>
    public EdgeCounters? CountersOf(string publisherId, string alias, string subscriberId) =>
        _directory.CountersOf(publisherId, alias, subscriberId);

    internal MediaRoom? RoomOfSession(string sessionId) => _directory.RoomOfSession(sessionId);

    /// <summary>
    /// Sets what <paramref name="publisher"/> publishes (its whole set after a publish negotiation). A stream of a
    /// kind outside its permissions is refused. Tracks with the same mid and alias keep their identity, so their
    /// subscribers are not renegotiated.
    /// </summary>
    public IReadOnlyList<PublishedTrack> SetPublishedStreams(SfuParticipant publisher, IMediaEndpoint endpoint, IReadOnlyList<PublishedStream> streams) =>
        _publisher.SetPublishedStreams(publisher, endpoint, streams);

    /// <summary>Stops publishing every stream with <paramref name="alias"/>; subscribers stop receiving it at once.</summary>
    public bool Unpublish(SfuParticipant publisher, string alias) => _publisher.Unpublish(publisher, alias);

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
        _directory.Change(subscriber, null);
        _directory.Offer(subscriber);

        if (subscriber.Subscribe?.IsConnected == true)
        {
            foreach (var track in keyframes)
            {
                _feedback.RequestKeyframe(track, force: true);
            }
        }
    }

    /// <summary>A new offer for the same m-lines (the client lost its connection state or wants an ICE restart).</summary>
    public void RequestOffer(SfuParticipant subscriber)
    {
        if (subscriber.IsActive)
        {
            _directory.RequestOffer(subscriber);
        }
    }

    /// <summary>
    /// A member without signaling or SDP (a phone leg) joins: it publishes exactly <paramref name="stream"/> through
    /// <paramref name="receiver"/>, and receives through it what its edges name, bound in the room change itself,
    /// with no offer or answer. Its edges are the control plane's as for any browser, so every call mode holds.
    /// A previous registration of the same participant is replaced.
    /// </summary>
    internal SfuParticipant JoinDirect(
        string participantId, string? sessionId, IDirectReceiver receiver, PublishedStream stream, string streamId,
        Action<SfuParticipant> attach)
    {
        var participant = new SfuParticipant(
            participantId, sessionId, canPublishAudio: stream.Kind == MediaKind.Audio, canPublishVideo: stream.Kind == MediaKind.Video,
            NoSignal.Instance, receiver);
        attach(participant);
        participant.PublishEndpoint = receiver;
        participant.Tracks = [new PublishedTrack(participant, stream, streamId)];
        _directory.Register(participant, "replaced by a new connection without signaling");
        RouterLog.Joined(_logger, participantId, sessionId);
        return participant;
    }

    /// <summary>One RTP packet a direct member publishes (plain RTP, rewritten in place per subscriber).</summary>
    internal void ForwardDirectRtp(SfuParticipant member, Span<byte> packet)
    {
        if (member.IsActive)
        {
            _forwarder.ForwardRtp(member, packet);
        }
    }

    void IRtpSink.OnRtp(PeerConnection from, Span<byte> packet)
    {
        // Only a publish connection carries media to us; anything a subscribe connection sends is dropped.
        if (from.UserState is SfuParticipant participant && ReferenceEquals(participant.PublishPeer, from))
        {
            _forwarder.ForwardRtp(participant, packet);
        }
    }

    void IRtpSink.OnRtcp(PeerConnection from, Span<byte> packet)
    {
        if (from.UserState is not SfuParticipant participant)
        {
            return;
        }

        if (ReferenceEquals(participant.PublishPeer, from))
        {
            _feedback.OnPublisherRtcp(participant, packet);
        }
        else if (ReferenceEquals(participant.SubscribePeer, from))
        {
            _feedback.OnSubscriberRtcp(participant, packet);
        }
    }

    /// <inheritdoc cref="RtpForwarder.ForwardRtp"/>
    internal void ForwardRtp(SfuParticipant publisher, Span<byte> packet) => _forwarder.ForwardRtp(publisher, packet);

    internal void OnPublisherRtcp(SfuParticipant publisher, ReadOnlySpan<byte> compound) => _feedback.OnPublisherRtcp(publisher, compound);

    internal void OnSubscriberRtcp(SfuParticipant subscriber, ReadOnlySpan<byte> compound) => _feedback.OnSubscriberRtcp(subscriber, compound);

    internal void RequestKeyframe(PublishedTrack track, bool force) => _feedback.RequestKeyframe(track, force);

    /// <summary>The publish connection closed (consent expired, DTLS failed): its streams end.</summary>
    internal void OnPublishClosed(SfuParticipant publisher, object connection) => _publisher.OnPublishClosed(publisher, connection);

    /// <summary>The subscribe connection closed: forget its m-lines; the next binding starts a new connection.</summary>
    internal void OnSubscribeClosed(SfuParticipant subscriber, ISubscribeConnection connection) =>
        _publisher.OnSubscribeClosed(subscriber, connection);

    /// <summary>The subscribe connection finished DTLS: start every video stream it carries on a keyframe.</summary>
    internal void OnSubscribeConnected(SfuParticipant subscriber)
    {
        foreach (var track in subscriber.Negotiator.VideoTracks())
        {
            _feedback.RequestKeyframe(track, force: true);
        }
    }
}
