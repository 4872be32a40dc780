namespace ContactCenter.Core.Queue;

/// <summary>
/// The queue as pure state, without clocks, threads or I/O: one FIFO of waiting calls, the agents and their status,
/// and at most one open offer per call and per agent. Every method takes the time it runs at, so tests drive it
/// step by step. Not thread-safe: <see cref="CallCenter"/> serializes access.
/// <para>
/// Fairness: the longest-waiting call is offered first, to the agent that has been idle longest. An agent that
/// declined a call is not offered that same call again until it changes its status, so a declined call moves on to
/// the next agent instead of bouncing back; an offer that times out sets the agent Away (nobody is at the desk).
/// </para>
/// </summary>
public sealed class CallQueue
{
    private readonly List<WaitingCall> _waiting = [];
    private readonly Dictionary<string, AgentSlot> _agents = new(StringComparer.Ordinal);
    private readonly TimeSpan _offerTimeout;
    private long _sequence;

    public CallQueue(TimeSpan offerTimeout)
    {
        if (offerTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(offerTimeout), offerTimeout, "The offer timeout must be positive.");
        }

        _offerTimeout = offerTimeout;
    }

    /// <summary>The waiting calls, longest-waiting first (offered ones included: they still wait).</summary>
    public IReadOnlyList<string> WaitingCallIds => _waiting.Select(w => w.CallId).ToList();

    public void Enqueue(string callId, DateTimeOffset at)
    {
        if (_waiting.Any(w => w.CallId == callId))
        {
            return;
        }

        _waiting.Add(new WaitingCall(callId, at, ++_sequence));
        _waiting.Sort(static (a, b) => a.EnqueuedAt != b.EnqueuedAt ? a.EnqueuedAt.CompareTo(b.EnqueuedAt) : a.Sequence.CompareTo(b.Sequence));
    }

    /// <summary>Takes a call out of the queue (the caller hung up) and withdraws its offer. False when it was not waiting.</summary>
    public bool Remove(string callId)
    {
        var index = _waiting.FindIndex(w => w.CallId == callId);
        if (index < 0)
        {
            return false;
        }

        var call = _waiting[index];
        if (call.OfferedTo is { } agentId && _agents.TryGetValue(agentId, out var agent))
        {
            agent.Offer = null;
        }

        _waiting.RemoveAt(index);
        return true;
    }

    /// <summary>1 for the longest-waiting call; null when the call is not waiting.</summary>
    public int? PositionOf(string callId)
    {
        var index = _waiting.FindIndex(w => w.CallId == callId);
        return index < 0 ? null : index + 1;
    }

    public AgentStatus? StatusOf(string agentId) => _agents.TryGetValue(agentId, out var agent) ? agent.Status : null;

    /// <summary>The call an agent is on, if any.</summary>
    public string? CallOf(string agentId) => _agents.TryGetValue(agentId, out var agent) ? agent.CallId : null;

    public QueueOffer? OfferFor(string agentId) => _agents.TryGetValue(agentId, out var agent) ? agent.Offer : null;

    public QueueOffer? OfferOf(string callId)
    {
        var call = _waiting.Find(w => w.CallId == callId);
        return call?.OfferedTo is { } agentId ? _agents[agentId].Offer : null;
    }

    /// <summary>
    /// Sets what the agent said. Leaving Available withdraws its open offer (the call goes to someone else);
    /// any change forgets the calls it declined, so they may be offered to it again.
    /// </summary>
    public void SetStatus(string agentId, AgentStatus status, DateTimeOffset at)
    {
        var agent = GetOrAddAgent(agentId, at);
        if (agent.Status == status)
        {
            return;
        }

        if (status != AgentStatus.Available)
        {
            WithdrawOffer(agent);
        }
        else
        {
            agent.IdleSince = at;
        }

        agent.Status = status;
        foreach (var call in _waiting)
        {
            call.DeclinedBy.Remove(agentId);
        }
    }

    /// <summary>The agent left the desk (signed out, closed the page): its offer goes back to the queue.</summary>
    public void RemoveAgent(string agentId)
    {
        if (_agents.Remove(agentId, out var agent))
        {
            WithdrawOffer(agent);
        }
    }

    /// <summary>
    /// The agent takes the call it was offered: the call leaves the queue and the agent is on it.
    /// False when no such offer is open (it expired, or the caller hung up).
    /// </summary>
    public bool Accept(string agentId, string callId)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.Offer?.CallId != callId)
        {
            return false;
        }

        agent.Offer = null;
        agent.CallId = callId;
        _waiting.RemoveAll(w => w.CallId == callId);
        return true;
    }

    /// <summary>The agent refuses the offered call; it stays queued for the other agents. False when no such offer is open.</summary>
    public bool Decline(string agentId, string callId)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.Offer?.CallId != callId)
        {
            return false;
        }

        WithdrawOffer(agent);
        _waiting.Find(w => w.CallId == callId)?.DeclinedBy.Add(agentId);
        return true;
    }

    /// <summary>The agent's call ended: it is idle again from <paramref name="at"/>.</summary>
    public void EndCall(string agentId, DateTimeOffset at)
    {
        if (_agents.TryGetValue(agentId, out var agent))
        {
            agent.CallId = null;
            agent.IdleSince = at;
        }
    }

    /// <summary>Withdraws the offers that expired by <paramref name="now"/> and sets their agents Away. Returns them.</summary>
    public IReadOnlyList<QueueOffer> ExpireOffers(DateTimeOffset now)
    {
        var expired = new List<QueueOffer>();
        foreach (var agent in _agents.Values)
        {
            if (agent.Offer is { } offer && offer.ExpiresAt <= now)
            {
                expired.Add(offer);
                WithdrawOffer(agent);
                agent.Status = AgentStatus.Away;
            }
        }

        return expired;
    }

    /// <summary>Offers every waiting call that has no open offer to the idlest eligible agent, oldest call first. Returns the new offers.</summary>
    public IReadOnlyList<QueueOffer> Dispatch(DateTimeOffset now)
    {
        var made = new List<QueueOffer>();
        foreach (var call in _waiting)
        {
            if (call.OfferedTo is not null)
            {
                continue;
            }

            AgentSlot? chosen = null;
            foreach (var agent in _agents.Values)
            {
                if (agent.Status == AgentStatus.Available && agent.CallId is null && agent.Offer is null
                    && !call.DeclinedBy.Contains(agent.Id)
                    && (chosen is null || agent.IdleSince < chosen.IdleSince
                        || (agent.IdleSince == chosen.IdleSince && string.CompareOrdinal(agent.Id, chosen.Id) < 0)))
                {
                    chosen = agent;
                }
            }

            if (chosen is null)
            {
                continue;
            }

            var offer = new QueueOffer(call.CallId, chosen.Id, now, now + _offerTimeout);
            chosen.Offer = offer;
            call.OfferedTo = chosen.Id;
            made.Add(offer);
        }

        return made;
    }

    private AgentSlot GetOrAddAgent(string agentId, DateTimeOffset at)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            agent = new AgentSlot(agentId) { IdleSince = at };
            _agents.Add(agentId, agent);
        }

        return agent;
    }

    private void WithdrawOffer(AgentSlot agent)
    {
        if (agent.Offer is { } offer)
        {
            var call = _waiting.Find(w => w.CallId == offer.CallId);
            if (call is not null)
            {
                call.OfferedTo = null;
            }

            agent.Offer = null;
        }
    }

    private sealed class WaitingCall(string callId, DateTimeOffset enqueuedAt, long sequence)
    {
        public string CallId { get; } = callId;

        public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

        public long Sequence { get; } = sequence;

        public string? OfferedTo { get; set; }

        public HashSet<string> DeclinedBy { get; } = new(StringComparer.Ordinal);
    }

    private sealed class AgentSlot(string id)
    {
        public string Id { get; } = id;

        public AgentStatus Status { get; set; } = AgentStatus.Away;

        public DateTimeOffset IdleSince { get; set; }

        public string? CallId { get; set; }

        public QueueOffer? Offer { get; set; }
    }
}
