using ContactCenter.Media.Peers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The SFU's forwarding plane. The control plane hands it each session's complete edge set
/// (<see cref="Apply"/>); it turns edges into per-track destinations, renegotiates subscribe connections for
/// new streams, and forwards packets lock-free from an immutable table swapped with one volatile write.
/// A removed edge is gone from the next packet on, without waiting for any renegotiation.
/// </summary>
public sealed partial class SfuRouter : IRtpSink
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SfuParticipant> _participants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteEdge[]> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Publisher, string Alias, string Subscriber), EdgeCounters> _counters = [];
    private readonly Func<SfuRouter, SfuParticipant, ISubscribeConnection> _subscribeFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _keyframeIntervalTicks;
    private ForwardingTable _table = ForwardingTable.Empty;

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
    }

    /// <summary>Raised (outside the lock) with the session id whenever that session's live edges changed.</summary>
    public event Action<string>? EdgesChanged;

    internal ForwardingTable Table => Volatile.Read(ref _table);

    /// <summary>
    /// A participant's signaling connected. A previous registration of the same participant is closed and
    /// replaced (a reconnect). Its edges, already applied by the control plane, take effect now.
    /// </summary>
    public SfuParticipant Join(string participantId, string? sessionId, bool canPublishAudio, bool canPublishVideo, ISfuSignal signal)
    {
        var participant = new SfuParticipant(participantId, sessionId, canPublishAudio, canPublishVideo, signal);
        SfuParticipant? previous;
        lock (_gate)
        {
            _participants.TryGetValue(participantId, out previous);
            if (previous is not null)
            {
                Detach(previous);
            }

            _participants[participantId] = participant;
            Reconcile();
        }

        previous?.PublishPeer?.Close("replaced by a new connection");
        RouterLog.Joined(_logger, participantId, sessionId);
        RaiseChanged(sessionId);
        return participant;
    }

    /// <summary>The participant's signaling went away: its connections close and nothing more is forwarded.</summary>
    public void Leave(SfuParticipant participant, string reason)
    {
        lock (_gate)
        {
            if (!participant.IsActive)
            {
                return;
            }

            if (_participants.TryGetValue(participant.Id, out var current) && ReferenceEquals(current, participant))
            {
                _participants.Remove(participant.Id);
            }

            Detach(participant);
            Reconcile();
        }

        participant.PublishPeer?.Close(reason);
        RouterLog.Left(_logger, participant.Id, reason);
        RaiseChanged(participant.SessionId);
    }

    /// <summary>Replaces the session's edges with <paramref name="edges"/> (the whole set) atomically.</summary>
    public void Apply(string sessionId, IReadOnlyCollection<RouteEdge> edges)
    {
        int targets;
        lock (_gate)
        {
            _sessions[sessionId] = [.. edges];
            targets = Reconcile();
        }

        RouterLog.Applied(_logger, sessionId, edges.Count, targets);
        RaiseChanged(sessionId);
    }

    public void RemoveSession(string sessionId)
    {
        lock (_gate)
        {
            if (!_sessions.Remove(sessionId, out var edges))
            {
                return;
            }

            Reconcile();
            ForgetCounters(edges);
        }

        RaiseChanged(sessionId);
    }

    /// <summary>The participant's current registration, or null when its signaling is not connected.</summary>
    public SfuParticipant? Find(string participantId)
    {
        lock (_gate)
        {
            return _participants.GetValueOrDefault(participantId);
        }
    }

    /// <summary>The session's edges as applied, one row per published stream they match, with live counters.</summary>
    public IReadOnlyList<EdgeSnapshot> Snapshot(string sessionId)
    {
        lock (_gate)
        {
            var rows = new List<EdgeSnapshot>();
            if (!_sessions.TryGetValue(sessionId, out var edges))
            {
                return rows;
            }

            foreach (var edge in edges)
            {
                bool matched = false;
                if (_participants.TryGetValue(edge.PublisherId, out var publisher))
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

    /// <summary>Counters of one (publisher, stream alias, subscriber) edge, or null when nothing was ever forwarded on it.</summary>
    public EdgeCounters? CountersOf(string publisherId, string alias, string subscriberId)
    {
        lock (_gate)
        {
            return _counters.GetValueOrDefault((publisherId, alias, subscriberId));
        }
    }

    /// <summary>Drops the counters of a finished session's edges (its participants' ids are unique to it).</summary>
    private void ForgetCounters(RouteEdge[] edges)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            ids.Add(edge.PublisherId);
            ids.Add(edge.SubscriberId);
        }

        foreach (var key in _counters.Keys.ToList())
        {
            if (ids.Contains(key.Publisher) && ids.Contains(key.Subscriber))
            {
                _counters.Remove(key);
            }
        }
    }

    private static bool ContainsRow(List<EdgeSnapshot> rows, string publisher, string alias, string subscriber) =>
        rows.Exists(r => r.PublisherId == publisher && r.Alias == alias && r.SubscriberId == subscriber);

    private void Detach(SfuParticipant participant)
    {
        participant.IsActive = false;
        participant.Tracks = [];
        // Forget the connection first: its Closed event must not re-enter the router for a participant that is gone.
        var subscribe = participant.Subscribe;
        participant.Subscribe = null;
        participant.Slots.Clear();
        participant.PublishSlots();
        subscribe?.Close("participant left");
    }

    private void RaiseChanged(string? sessionId)
    {
        if (sessionId is not null)
        {
            EdgesChanged?.Invoke(sessionId);
        }
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

    private long Now() => _time.GetTimestamp();

    private static bool IsVideo(PublishedTrack track) => track.Kind == MediaKind.Video;
}
