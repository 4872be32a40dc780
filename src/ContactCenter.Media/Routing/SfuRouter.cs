using System.Collections.Concurrent;
using ContactCenter.Media.Peers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The SFU's forwarding plane, on mediasoup's model: one <see cref="MediaRoom"/> per session owns its members,
/// tracks, edges and counters behind its own lock; each published track holds its receivers as an immutable
/// array (one volatile write per change), and each participant's <see cref="SubscribeNegotiator"/> writes its
/// SDP outside every routing lock. The router itself only finds rooms and participants in concurrent maps, so a
/// change in one session never waits for, walks or rebuilds anything of another.
/// A removed edge is gone from the next packet on, without waiting for any renegotiation.
/// </summary>
public sealed partial class SfuRouter : IRtpSink
{
    private readonly ConcurrentDictionary<string, SfuParticipant> _participants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MediaRoom> _rooms = new(StringComparer.Ordinal);

    /// <summary>The room whose edges name a participant: it joins that room when its signaling connects.</summary>
    private readonly ConcurrentDictionary<string, MediaRoom> _homes = new(StringComparer.Ordinal);
    private readonly Func<SfuRouter, SfuParticipant, ISubscribeConnection> _subscribeFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _keyframeIntervalTicks;
    private readonly Action<string, int, int> _logOffer;

    public SfuRouter(
        Func<SfuRouter, SfuParticipant, ISubscribeConnection> subscribeFactory,
        SfuRouterOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        _subscribeFactory = subscribeFactory;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SfuRouter>();
        _time = timeProvider ?? TimeProvider.System;
        var interval = (options ?? new SfuRouterOptions()).KeyframeRequestInterval;
        _keyframeIntervalTicks = (long)(interval.TotalSeconds * _time.TimestampFrequency);
        _logOffer = (id, revision, lines) => RouterLog.Offered(_logger, id, revision, lines);
    }

    /// <summary>Raised (outside every lock) with the session id whenever that session's live edges changed.</summary>
    public event Action<string>? EdgesChanged;

    /// <summary>Sessions with a room now (diagnostics and tests).</summary>
    public int RoomCount => _rooms.Count;

    /// <summary>
    /// A participant's signaling connected. A previous registration of the same participant is closed and
    /// replaced (a reconnect). Its edges, already applied by the control plane, take effect now.
    /// </summary>
    public SfuParticipant Join(string participantId, string? sessionId, bool canPublishAudio, bool canPublishVideo, ISfuSignal signal)
    {
        var participant = new SfuParticipant(participantId, sessionId, canPublishAudio, canPublishVideo, signal);
        Register(participant, "replaced by a new connection");
        RouterLog.Joined(_logger, participantId, sessionId);
        return participant;
    }

    /// <summary>The participant's signaling went away: its connections close and nothing more is forwarded.</summary>
    public void Leave(SfuParticipant participant, string reason)
    {
        if (Detach(participant, reason))
        {
            _participants.TryRemove(new KeyValuePair<string, SfuParticipant>(participant.Id, participant));
            RouterLog.Left(_logger, participant.Id, reason);
        }
    }

    /// <summary>Replaces the session's edges with <paramref name="edges"/> (the whole set) atomically.</summary>
    public void Apply(string sessionId, IReadOnlyCollection<RouteEdge> edges)
    {
        RouteEdge[] set = [.. edges];
        while (true)
        {
            var room = RoomOf(sessionId);
            foreach (var edge in set)
            {
                _homes[edge.PublisherId] = room;
                _homes[edge.SubscriberId] = room;
            }

            bool placed = true;
            foreach (var edge in set)
            {
                placed &= Place(edge.PublisherId, room) && Place(edge.SubscriberId, room);
            }

            int targets = 0;
            var offers = placed ? room.SetEdges(set, out targets) : null;
            if (offers is null)
            {
                continue; // the session ended meanwhile and its room was dropped: start on a new one
            }

            SendOffers(offers);
            RouterLog.Applied(_logger, sessionId, set.Length, targets);
            RaiseChanged(sessionId);
            return;
        }
    }

    public void RemoveSession(string sessionId)
    {
        if (!_rooms.TryGetValue(sessionId, out var room))
        {
            return;
        }

        var edges = room.End(out var offers, out bool hadEdges, out bool retired);
        if (retired)
        {
            _rooms.TryRemove(new KeyValuePair<string, MediaRoom>(sessionId, room));
        }

        foreach (var edge in edges)
        {
            _homes.TryRemove(new KeyValuePair<string, MediaRoom>(edge.PublisherId, room));
            _homes.TryRemove(new KeyValuePair<string, MediaRoom>(edge.SubscriberId, room));
        }

        SendOffers(offers);
        if (hadEdges)
        {
            RaiseChanged(sessionId);
        }
    }

    /// <summary>The participant's current registration, or null when its signaling is not connected.</summary>
    public SfuParticipant? Find(string participantId) => _participants.GetValueOrDefault(participantId);

    /// <summary>The session's edges as applied, one row per published stream they match, with live counters.</summary>
    public IReadOnlyList<EdgeSnapshot> Snapshot(string sessionId) =>
        _rooms.TryGetValue(sessionId, out var room) ? room.Snapshot() : [];

    /// <summary>Counters of one (publisher, stream alias, subscriber) edge, or null when nothing was ever forwarded on it.</summary>
    public EdgeCounters? CountersOf(string publisherId, string alias, string subscriberId)
    {
        var room = _participants.GetValueOrDefault(publisherId)?.Room ?? _homes.GetValueOrDefault(publisherId);
        return room?.CountersOf(publisherId, alias, subscriberId);
    }

    internal MediaRoom? RoomOfSession(string sessionId) => _rooms.GetValueOrDefault(sessionId);

    /// <summary>Registers <paramref name="participant"/> (closing a previous registration) and puts it in its room.</summary>
    private void Register(SfuParticipant participant, string replacedReason)
    {
        SfuParticipant? previous = null;
        _participants.AddOrUpdate(participant.Id, participant, (_, old) =>
        {
            previous = old;
            return participant;
        });
        if (previous is not null && !ReferenceEquals(previous, participant))
        {
            Detach(previous, replacedReason);
        }

        // Where its edges are; else the session it joined with. A participant named by no edge waits outside rooms.
        var room = _homes.GetValueOrDefault(participant.Id);
        while (room is not null || participant.SessionId is not null)
        {
            room ??= RoomOf(participant.SessionId!);
            if (Place(participant, room))
            {
                break;
            }

            room = null; // retired meanwhile
            if (_homes.GetValueOrDefault(participant.Id) is { IsRetired: false } home)
            {
                room = home;
            }
        }

        RaiseChanged(participant.Room?.Id);
    }

    private bool Place(string participantId, MediaRoom room) =>
        !_participants.TryGetValue(participantId, out var participant) || Place(participant, room);

    /// <summary>Moves <paramref name="participant"/> into <paramref name="room"/>; false when that room was retired.</summary>
    private bool Place(SfuParticipant participant, MediaRoom room)
    {
        List<SfuParticipant>? leftOffers = null;
        List<SfuParticipant>? offers;
        MediaRoom? previous;
        bool previousRetired = false;
        lock (participant.RoomGate)
        {
            previous = participant.Room;
            if (!participant.IsActive || ReferenceEquals(previous, room))
            {
                return true;
            }

            offers = room.Add(participant);
            if (offers is null)
            {
                return false;
            }

            if (previous is not null)
            {
                leftOffers = previous.Remove(participant, clearTracks: false, out previousRetired);
            }

            participant.Room = room;
        }

        if (previous is not null)
        {
            Retire(previous, previousRetired);
            SendOffers(leftOffers!);
            RaiseChanged(previous.Id);
        }

        SendOffers(offers);
        return true;
    }

    /// <summary>Ends a registration: its tracks stop at once, its connections close outside every lock.</summary>
    private bool Detach(SfuParticipant participant, string reason)
    {
        MediaRoom? room;
        List<SfuParticipant>? offers = null;
        bool retired = false;
        ISubscribeConnection? subscribe;
        lock (participant.RoomGate)
        {
            if (!participant.IsActive)
            {
                return false;
            }

            participant.IsActive = false;
            room = participant.Room;
            participant.Room = null;
            // Forget the connection first: its Closed event must not re-enter the room for a participant that is gone.
            subscribe = participant.Negotiator.Detach();
            if (room is not null)
            {
                offers = room.Remove(participant, clearTracks: true, out retired);
            }
            else
            {
                foreach (var track in participant.Tracks)
                {
                    track.Targets = [];
                }

                participant.Tracks = [];
            }
        }

        subscribe?.Close("participant left");
        participant.PublishPeer?.Close(reason);
        if (room is not null)
        {
            Retire(room, retired);
            SendOffers(offers!);
            RaiseChanged(room.Id);
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="mutate"/> on the participant under its room's lock (or its own when it has no room),
    /// re-derives that room, lets its members offer, and raises <see cref="EdgesChanged"/>.
    /// </summary>
    private void Change(SfuParticipant participant, Action<SfuParticipant>? mutate)
    {
        MediaRoom? room;
        List<SfuParticipant>? offers = null;
        lock (participant.RoomGate)
        {
            room = participant.Room;
            if (room is null)
            {
                mutate?.Invoke(participant);
            }
            else
            {
                offers = room.Change(participant, mutate);
            }
        }

        if (offers is not null)
        {
            SendOffers(offers);
        }

        RaiseChanged(room?.Id);
    }

    private MediaRoom RoomOf(string sessionId) => _rooms.GetOrAdd(sessionId, static id => new MediaRoom(id));

    private void Retire(MediaRoom room, bool retired)
    {
        if (retired)
        {
            _rooms.TryRemove(new KeyValuePair<string, MediaRoom>(room.Id, room));
        }
    }

    /// <summary>Lets each negotiator write and send its offer; outside every routing lock.</summary>
    private void SendOffers(List<SfuParticipant> offers)
    {
        foreach (var member in offers)
        {
            member.Negotiator.OfferIfNeeded(() => _subscribeFactory(this, member), _logOffer);
        }
    }

    private void RaiseChanged(string? sessionId)
    {
        if (sessionId is not null)
        {
            EdgesChanged?.Invoke(sessionId);
        }
    }

    private long Now() => _time.GetTimestamp();
}
