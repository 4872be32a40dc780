using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The media of one session (mediasoup's Router): its members, their published tracks, its edges and their
/// counters, behind a lock of its own. A change re-derives this room's bindings and targets only, so it costs
/// O(members × edges of this session) whatever else the process carries. SDP is not written here: a change
/// returns the members whose negotiator must offer, and the caller lets them offer after the lock is released.
/// </summary>
internal sealed class MediaRoom(string id)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SfuParticipant> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Publisher, string Alias, string Subscriber), EdgeCounters> _counters = [];
    private RouteEdge[] _edges = [];
    private bool _hasEdges;
    private bool _ended;
    private bool _retired;

    public string Id { get; } = id;

    /// <summary>The room's lock; tests hold it to show that other rooms do not wait for it.</summary>
    internal object Gate => _gate;

    /// <summary>Set once the room was dropped from the router; a caller holding it must look the room up again.</summary>
    public bool IsRetired
    {
        get
        {
            lock (_gate)
            {
                return _retired;
            }
        }
    }

    /// <summary>Adds <paramref name="member"/>; null when the room is retired.</summary>
    public List<SfuParticipant>? Add(SfuParticipant member)
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }

            _members[member.Id] = member;
            return Reconcile();
        }
    }

    /// <summary>
    /// Removes <paramref name="member"/> (it left, or moved to another room) and stops its tracks at once.
    /// <paramref name="retired"/> tells the router to drop the room (the session ended and nobody is left).
    /// </summary>
    public List<SfuParticipant> Remove(SfuParticipant member, bool clearTracks, out bool retired)
    {
        lock (_gate)
        {
            if (_members.TryGetValue(member.Id, out var current) && ReferenceEquals(current, member))
            {
                _members.Remove(member.Id);
            }

            foreach (var track in member.Tracks)
            {
                track.Targets = [];
            }

            if (clearTracks)
            {
                member.Tracks = [];
            }

            var offers = Reconcile();
            retired = _ended && _members.Count == 0 && !_retired;
            _retired |= retired;
            return offers;
        }
    }

    /// <summary>Runs <paramref name="mutate"/> on a member under the room's lock, then re-derives the room.</summary>
    public List<SfuParticipant> Change(SfuParticipant member, Action<SfuParticipant>? mutate)
    {
        lock (_gate)
        {
            mutate?.Invoke(member);
            return Reconcile();
        }
    }

    /// <summary>Replaces the edges with the whole set; null when the room is retired.</summary>
    public List<SfuParticipant>? SetEdges(RouteEdge[] edges, out int targets)
    {
        lock (_gate)
        {
            targets = 0;
            if (_retired)
            {
                return null;
            }

            _edges = edges;
            _hasEdges = true;
            _ended = false;
            var offers = Reconcile();
            targets = CountTargets();
            return offers;
        }
    }

    /// <summary>
    /// The session ended: its edges and counters go. Returns the edges it had (empty when none were ever
    /// applied). <paramref name="retired"/> is true when nobody is left and the router must drop the room.
    /// </summary>
    public RouteEdge[] End(out List<SfuParticipant> offers, out bool hadEdges, out bool retired)
    {
        lock (_gate)
        {
            var edges = _edges;
            hadEdges = _hasEdges;
            _edges = [];
            _hasEdges = false;
            _ended = true;
            _counters.Clear();
            offers = Reconcile();
            retired = _members.Count == 0 && !_retired;
            _retired |= retired;
            return edges;
        }
    }

    /// <summary>The edges as applied, one row per published stream they match, with live counters.</summary>
    public List<EdgeSnapshot> Snapshot()
    {
        lock (_gate)
        {
            var rows = new List<EdgeSnapshot>();
            foreach (var edge in _edges)
            {
                bool matched = false;
                if (_members.TryGetValue(edge.PublisherId, out var publisher))
                {
                    foreach (var track in publisher.Tracks)
                    {
                        if (!edge.Covers(track.Alias) || ContainsRow(rows, edge.PublisherId, track.Alias, edge.SubscriberId))
                        {
                            matched |= edge.Covers(track.Alias);
                            continue;
                        }

                        matched = true;
                        _counters.TryGetValue((edge.PublisherId, track.Alias, edge.SubscriberId), out var counters);
                        rows.Add(new EdgeSnapshot(edge.PublisherId, track.Alias, edge.SubscriberId, counters?.Packets ?? 0, counters?.Bytes ?? 0));
                    }
                }

                if (!matched)
                {
                    rows.Add(new EdgeSnapshot(edge.PublisherId, edge.Alias, edge.SubscriberId, 0, 0));
                }
            }

            return rows;
        }
    }

    public EdgeCounters? CountersOf(string publisherId, string alias, string subscriberId)
    {
        lock (_gate)
        {
            return _counters.GetValueOrDefault((publisherId, alias, subscriberId));
        }
    }

    /// <summary>
    /// Brings every member's lines in line with the edges and tracks, then writes every track's targets.
    /// Returns the members whose negotiator has an offer to make. Under the lock.
    /// </summary>
    private List<SfuParticipant> Reconcile()
    {
        var offers = new List<SfuParticipant>();
        foreach (var member in _members.Values)
        {
            if (member.Receiver.Rebind(WantedTracks(member)))
            {
                offers.Add(member);
            }
        }

        foreach (var publisher in _members.Values)
        {
            foreach (var track in publisher.Tracks)
            {
                track.Targets = TargetsOf(publisher, track);
            }
        }

        return offers;
    }

    private HashSet<PublishedTrack> WantedTracks(SfuParticipant subscriber)
    {
        var wanted = new HashSet<PublishedTrack>();
        if (!subscriber.IsActive)
        {
            return wanted;
        }

        foreach (var edge in _edges)
        {
            if (edge.SubscriberId != subscriber.Id || edge.PublisherId == subscriber.Id
                || !_members.TryGetValue(edge.PublisherId, out var publisher))
            {
                continue;
            }

            foreach (var track in publisher.Tracks)
            {
                if (edge.Covers(track.Alias))
                {
                    wanted.Add(track);
                }
            }
        }

        return wanted;
    }

    /// <summary>The negotiated receivers of one track; a receiver whose line is not answered yet stays paused.</summary>
    private EdgeTarget[] TargetsOf(SfuParticipant publisher, PublishedTrack track)
    {
        if (!publisher.IsActive)
        {
            return [];
        }

        List<EdgeTarget>? targets = null;
        foreach (var edge in _edges)
        {
            if (edge.PublisherId != publisher.Id || edge.SubscriberId == publisher.Id || !edge.Covers(track.Alias)
                || !_members.TryGetValue(edge.SubscriberId, out var subscriber) || !subscriber.IsActive
                || (targets is not null && targets.Exists(t => ReferenceEquals(t.Subscriber, subscriber))))
            {
                continue; // a "*" and a named alias edge may cover the same stream
            }

            if (!subscriber.Receiver.TryGetTarget(track, out uint ssrc, out var codecs, out var endpoint) || endpoint is null)
            {
                continue;
            }

            targets ??= [];
            var map = PayloadTypeMap(track.Codecs, codecs);
            targets.Add(new EdgeTarget(subscriber, endpoint, ssrc, map, CountersFor(publisher.Id, track.Alias, subscriber.Id)));
        }

        return targets is null ? [] : [.. targets];
    }

    private int CountTargets()
    {
        int count = 0;
        foreach (var member in _members.Values)
        {
            foreach (var track in member.Tracks)
            {
                count += track.Targets.Length;
            }
        }

        return count;
    }

    private EdgeCounters CountersFor(string publisher, string alias, string subscriber)
    {
        var key = (publisher, alias, subscriber);
        if (!_counters.TryGetValue(key, out var counters))
        {
            counters = new EdgeCounters();
            _counters[key] = counters;
        }

        return counters;
    }

    private static bool ContainsRow(List<EdgeSnapshot> rows, string publisher, string alias, string subscriber) =>
        rows.Exists(r => r.PublisherId == publisher && r.Alias == alias && r.SubscriberId == subscriber);

    /// <summary>
    /// Publisher payload type → subscriber payload type, matching codecs by name, clock rate and channels
    /// (RFC 3264 §6.1 lets each side number its codecs differently).
    /// </summary>
    internal static byte[] PayloadTypeMap(IReadOnlyList<NegotiatedCodec> from, IReadOnlyList<NegotiatedCodec> to)
    {
        var map = new byte[128];
        Array.Fill(map, EdgeTarget.Unmapped);
        foreach (var source in from)
        {
            foreach (var target in to)
            {
                if (string.Equals(source.Name, target.Name, StringComparison.OrdinalIgnoreCase)
                    && source.ClockRate == target.ClockRate && (source.Channels ?? 1) == (target.Channels ?? 1)
                    && (uint)source.PayloadType < 128)
                {
                    map[source.PayloadType] = (byte)target.PayloadType;
                    break;
                }
            }
        }

        return map;
    }
}
