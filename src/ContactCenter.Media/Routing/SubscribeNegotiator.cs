using System.Security.Cryptography;
using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The offer/answer state machine of one participant's subscribe connection (Bandwidth's sdpRevision, RFC 3264
/// m-line reuse). The room tells it which tracks the participant should receive (<see cref="Rebind"/>, cheap,
/// under the room's lock); the SDP is written later by <see cref="OfferIfNeeded"/>, under this negotiator's own
/// lock only, so building an offer never holds a routing lock. A newly bound line is "paused" (not forwarded)
/// until the answer to the offer that first carried it arrives, as mediasoup's consumers start paused.
/// Lock order: room, then negotiator; the negotiator never calls into a room.
/// </summary>
internal sealed class SubscribeNegotiator(SfuParticipant owner) : IRoomReceiver
{
    private readonly object _gate = new();
    private readonly List<SubscriberSlot> _slots = [];
    private SubscriberSlot[] _snapshot = [];
    private ISubscribeConnection? _connection;
    private int _sdpRevision;
    private int _pendingRevision;
    private int _answeredRevision;
    private bool _dirty;
    private bool _restartIce;
    private bool _detached;

    /// <summary>The last revision offered; revisions only grow.</summary>
    public int SdpRevision => Volatile.Read(ref _sdpRevision);

    /// <summary>The m-lines as last published, for the RTCP path (lock-free read).</summary>
    public SubscriberSlot[] Slots => Volatile.Read(ref _snapshot);

    public ISubscribeConnection? Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection;
            }
        }
    }

    /// <summary>An offer waits for its answer.</summary>
    public bool HasPendingOffer
    {
        get
        {
            lock (_gate)
            {
                return _pendingRevision != 0;
            }
        }
    }

    /// <summary>
    /// Frees lines whose track is no longer wanted and binds wanted tracks to free or new lines. Returns true when
    /// an offer is needed. Called under the room's lock; O(lines + wanted).
    /// </summary>
    public bool Rebind(HashSet<PublishedTrack> wanted)
    {
        lock (_gate)
        {
            if (_detached)
            {
                return false;
            }

            bool changed = false;
            foreach (var slot in _slots)
            {
                if (slot.Track is { } track && !wanted.Contains(track))
                {
                    if (slot.Announced)
                    {
                        owner.Signal.StreamUnavailable(slot.Describe(track.Owner.Id));
                    }

                    slot.Track = null;
                    slot.Ssrc = 0;
                    slot.OfferedRevision = 0;
                    slot.Announced = false;
                    changed = true;
                }
            }

            foreach (var track in wanted)
            {
                if (SlotOf(track) is not null)
                {
                    continue;
                }

                var slot = _slots.Find(s => s.Track is null && s.Kind == track.Kind);
                if (slot is null)
                {
                    slot = new SubscriberSlot(_slots.Count, track.Kind);
                    _slots.Add(slot);
                }

                slot.Track = track;
                slot.Ssrc = NewSsrc();
                slot.TrackId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
                slot.OfferedRevision = 0;
                slot.Announced = false;
                changed = true;
            }

            if (changed)
            {
                Publish();
                _dirty = true;
            }

            return _dirty;
        }
    }

    /// <summary>
    /// The negotiated line of <paramref name="track"/>: its SSRC, answered codecs and the connection, or false while
    /// the line is not bound, not offered or not answered yet (the browser could not demultiplex it).
    /// </summary>
    public bool TryGetNegotiated(PublishedTrack track, out uint ssrc, out IReadOnlyList<NegotiatedCodec> codecs, out ISubscribeConnection? connection)
    {
        lock (_gate)
        {
            var slot = SlotOf(track);
            connection = _connection;
            if (slot is null || connection is null || slot.OfferedRevision == 0 || slot.OfferedRevision > _answeredRevision)
            {
                ssrc = 0;
                codecs = [];
                return false;
            }

            ssrc = slot.Ssrc;
            codecs = slot.Codecs;
            return true;
        }
    }

    bool IRoomReceiver.TryGetTarget(PublishedTrack track, out uint ssrc, out IReadOnlyList<NegotiatedCodec> codecs, out IMediaEndpoint? endpoint)
    {
        bool negotiated = TryGetNegotiated(track, out ssrc, out codecs, out var connection);
        endpoint = connection;
        return negotiated && connection is not null;
    }

    /// <summary>
    /// Sends an offer when the bindings changed and no offer is outstanding (one is sent after its answer
    /// otherwise). Runs outside every routing lock: writing SDP costs what one participant's lines cost.
    /// </summary>
    public void OfferIfNeeded(Func<ISubscribeConnection> connect, Action<string, int, int> logOffer)
    {
        lock (_gate)
        {
            if (!_dirty || _detached || _pendingRevision != 0)
            {
                return;
            }

            Offer(connect, logOffer);
        }
    }

    /// <summary>
    /// A new offer for the same lines with new server ICE credentials (the client lost its state or restarts
    /// ICE). With an offer outstanding, the restart goes into the offer that follows its answer.
    /// </summary>
    public void RequestOffer(Func<ISubscribeConnection> connect, Action<string, int, int> logOffer)
    {
        lock (_gate)
        {
            if (_detached || _slots.Count == 0)
            {
                return;
            }

            _dirty = true;
            _restartIce = true;
            if (_pendingRevision == 0)
            {
                Offer(connect, logOffer);
            }
        }
    }

    /// <summary>
    /// Applies the answer to the pending offer: newly carried lines become negotiated (the room then forwards
    /// them), streamAvailable goes out, and the newly carried video tracks are returned for a keyframe request.
    /// </summary>
    public List<PublishedTrack> AcceptAnswer(string answerSdp, int sdpRevision)
    {
        lock (_gate)
        {
            if (_detached || _connection is not { } connection)
            {
                throw new MediaSignalingException("There is no subscribe offer to answer.");
            }

            if (_pendingRevision == 0 || sdpRevision != _pendingRevision)
            {
                throw new MediaSignalingException(
                    $"The answer is for sdpRevision {sdpRevision}, but the pending offer is revision {_pendingRevision}.");
            }

            IReadOnlyList<IReadOnlyList<NegotiatedCodec>> codecs;
            try
            {
                codecs = connection.ApplyAnswer(answerSdp);
            }
            catch (FormatException ex)
            {
                throw new MediaSignalingException("The answer was refused: " + ex.Message, ex);
            }

            _answeredRevision = _pendingRevision;
            _pendingRevision = 0;
            var keyframes = new List<PublishedTrack>();
            foreach (var slot in _slots)
            {
                slot.Codecs = slot.Index < codecs.Count ? codecs[slot.Index] : [];
                if (slot.Track is { } track && slot.OfferedRevision != 0 && !slot.Announced)
                {
                    slot.Announced = true;
                    owner.Signal.StreamAvailable(slot.Describe(track.Owner.Id));
                    if (track.Kind == MediaKind.Video)
                    {
                        keyframes.Add(track);
                    }
                }
            }

            return keyframes;
        }
    }

    /// <summary>The connection closed: forget its lines; the next binding starts a new connection.</summary>
    public bool Reset(ISubscribeConnection connection)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_connection, connection))
            {
                return false;
            }

            _connection = null;
            _slots.Clear();
            Publish();
            _pendingRevision = 0;
            _dirty = false;
            _restartIce = false;
            return true;
        }
    }

    /// <summary>The participant left: no more offers; returns the connection for the caller to close outside locks.</summary>
    public ISubscribeConnection? Detach()
    {
        lock (_gate)
        {
            _detached = true;
            _dirty = false;
            var connection = _connection;
            _connection = null;
            _slots.Clear();
            Publish();
            return connection;
        }
    }

    /// <summary>Video tracks carried now (to start each on a keyframe once the connection is up).</summary>
    public List<PublishedTrack> VideoTracks()
    {
        var video = new List<PublishedTrack>();
        foreach (var slot in Slots)
        {
            if (slot.Track is { Kind: MediaKind.Video } track)
            {
                video.Add(track);
            }
        }

        return video;
    }

    /// <summary>Sends a server offer with every line (RFC 3264 §8: m-lines are never removed, only reused).</summary>
    private void Offer(Func<ISubscribeConnection> connect, Action<string, int, int> logOffer)
    {
        _dirty = false;
        if (_slots.Count == 0)
        {
            return;
        }

        if (_connection is null)
        {
            _connection = connect(); // a new connection has fresh credentials anyway
        }
        else if (_restartIce)
        {
            _connection.RestartIce();
        }

        _restartIce = false;
        var lines = new List<OutgoingLine>(_slots.Count);
        var streams = new List<OfferedStream>();
        foreach (var slot in _slots)
        {
            if (slot.Track is { } track)
            {
                lines.Add(new OutgoingLine(slot.Kind, true, slot.Ssrc, track.StreamId, slot.TrackId));
                streams.Add(slot.Describe(track.Owner.Id));
            }
            else
            {
                lines.Add(new OutgoingLine(slot.Kind, false, 0, string.Empty, string.Empty));
            }
        }

        var sdp = _connection.CreateOffer(lines);
        int revision = Interlocked.Increment(ref _sdpRevision);
        _pendingRevision = revision;
        foreach (var slot in _slots)
        {
            if (slot.Track is not null && slot.OfferedRevision == 0)
            {
                slot.OfferedRevision = revision;
            }
        }

        logOffer(owner.Id, revision, lines.Count);
        owner.Signal.SendOffer(new SubscribeOffer(owner.Id, sdp, revision, streams));
    }

    private SubscriberSlot? SlotOf(PublishedTrack track)
    {
        foreach (var slot in _slots)
        {
            if (ReferenceEquals(slot.Track, track))
            {
                return slot;
            }
        }

        return null;
    }

    private void Publish() => Volatile.Write(ref _snapshot, [.. _slots]);

    private uint NewSsrc()
    {
        while (true)
        {
            uint ssrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
            if (!_slots.Exists(s => s.Ssrc == ssrc))
            {
                return ssrc;
            }
        }
    }
}
