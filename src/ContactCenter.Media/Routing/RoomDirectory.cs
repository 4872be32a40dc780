using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Routing;

/// <summary>
/// Finds rooms and participants: participant id → registration, session id → room, and participant id → the room
/// whose edges name it (it moves there when its signaling connects). Every change takes the participant's own
/// gate and one room's lock, never a lock of the whole process; offers are sent after that room's lock is released.
/// </summary>
internal sealed class RoomDirectory(
    Func<SfuParticipant, ISubscribeConnection> subscribeFactory, ILogger logger, Action<string> edgesChanged)
{
    private readonly ConcurrentDictionary<string, SfuParticipant> _participants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MediaRoom> _rooms = new(StringComparer.Ordinal);

    /// <summary>The room whose edges name a participant: it joins that room when its signaling connects.</summary>
    private readonly ConcurrentDictionary<string, MediaRoom> _homes = new(StringComparer.Ordinal);
    private readonly Func<SfuParticipant, ISubscribeConnection> _subscribeFactory = subscribeFactory;
    private readonly ILogger _logger = logger;
    private readonly Action<string> _edgesChanged = edgesChanged;
    private readonly Action<string, int, int> _logOffer = (id, revision, lines) => RouterLog.Offered(logger, id, revision, lines);

    public int RoomCount => _rooms.Count;

    /// <summary>Forgets <paramref name="participant"/> when it is still the current registration of its id.</summary>
    public void Forget(SfuParticipant participant) =>
        _participants.TryRemove(new KeyValuePair<string, SfuParticipant>(participant.Id, participant));

    /// <summary>Lets the participant's negotiator write and send its offer when it has one to make (outside routing locks).</summary>
    public void Offer(SfuParticipant member) => member.Negotiator.OfferIfNeeded(() => _subscribeFactory(member), _logOffer);

    /// <summary>A new offer for the same m-lines with new ICE credentials.</summary>
    public void RequestOffer(SfuParticipant member) => member.Negotiator.RequestOffer(() => _subscribeFactory(member), _logOffer);

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

    public MediaRoom? RoomOfSession(string sessionId) => _rooms.GetValueOrDefault(sessionId);

    /// <summary>Registers <paramref name="participant"/> (closing a previous registration) and puts it in its room.</summary>
    public void Register(SfuParticipant participant, string replacedReason)
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
    public bool Detach(SfuParticipant participant, string reason)
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
    public void Change(SfuParticipant participant, Action<SfuParticipant>? mutate)
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
    public void SendOffers(List<SfuParticipant> offers)
    {
        foreach (var member in offers)
        {
            Offer(member);
        }
    }

    public void RaiseChanged(string? sessionId)
    {
        if (sessionId is not null)
        {
            _edgesChanged(sessionId);
        }
    }
}
