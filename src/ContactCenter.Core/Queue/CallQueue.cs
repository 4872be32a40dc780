namespace ContactCenter.Core.Queue;

/// <summary>
/// The queue as pure state, without clocks, threads or I/O: one FIFO of waiting calls, the agents and their status,
/// and at most one open offer per call and per agent. Every method takes the time it runs at, so tests drive it
/// step by step. Not thread-safe: <see cref="CallCenter"/> serializes access.
/// <para>
/// Fairness: the longest-waiting call is offered first, to the agent that has been idle longest. An agent that
/// declined a call is not offered that same call again for the decline cool-down (or until it changes its status),
/// so a declined call moves on to the next agent instead of bouncing back, and still comes back to the only agent
/// there is; an offer that times out sets the agent Away (nobody is at the desk). After a call the agent is in
/// wrap-up for the wrap-up time, and offered nothing meanwhile.
/// </para>
/// <para>
/// <see cref="Waiting"/>, <see cref="AgentOf"/> and the Restore methods carry the state to and from the database.
/// </para>
/// </summary>
public sealed class CallQueue
{
    private readonly List<WaitingCall> _waiting = [];
    private readonly Dictionary<string, AgentSlot> _agents = new(StringComparer.Ordinal);
    private readonly TimeSpan _offerTimeout;
    private readonly TimeSpan _declineCooldown;
    private readonly TimeSpan _wrapUp;
    private long _sequence;

    public CallQueue(TimeSpan offerTimeout, TimeSpan? declineCooldown = null, TimeSpan? wrapUp = null)
    {
        if (offerTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(offerTimeout), offerTimeout, "The offer timeout must be positive.");
        }

        _offerTimeout = offerTimeout;
        _declineCooldown = declineCooldown ?? TimeSpan.FromSeconds(10);
        _wrapUp = wrapUp ?? TimeSpan.Zero;
    }

    /// <summary>The waiting calls in order, with their offers and declines (to store them).</summary>
    public IReadOnlyList<QueuedCallState> Waiting => _waiting
        .Select(w => new QueuedCallState(w.CallId, w.EnqueuedAt, w.Sequence,
            w.OfferedTo is { } agentId ? _agents[agentId].Offer : null, new Dictionary<string, DateTimeOffset>(w.DeclinedBy)))
        .ToList();

    /// <summary>An agent's stored state, or null when the queue does not know it.</summary>
    public QueueAgentState? AgentOf(string agentId) =>
        _agents.TryGetValue(agentId, out var a) ? new QueueAgentState(a.Id, a.Status, a.IdleSince, a.CallId, a.WrapUpUntil) : null;

    /// <summary>Puts a stored agent back (start-up). Call before <see cref="RestoreWaiting"/>.</summary>
    public void RestoreAgent(QueueAgentState state)
    {
        var agent = GetOrAddAgent(state.AgentId, state.IdleSince);
        agent.Status = state.Status is AgentStatus.OnCall or AgentStatus.WrapUp ? AgentStatus.Available : state.Status;
        agent.IdleSince = state.IdleSince;
        agent.CallId = state.CallId;
        agent.WrapUpUntil = state.WrapUpUntil;
    }

    /// <summary>Puts a stored waiting call back in its place, with its open offer when its agent is known.</summary>
    public void RestoreWaiting(QueuedCallState state)
    {
        if (_waiting.Any(w => w.CallId == state.CallId))
        {
            return;
        }

        var call = new WaitingCall(state.CallId, state.EnqueuedAt, state.Sequence);
        foreach (var (agentId, at) in state.DeclinedBy)
        {
            call.DeclinedBy[agentId] = at;
        }

        if (state.Offer is { } offer && _agents.TryGetValue(offer.AgentId, out var agent) && agent.Offer is null && agent.CallId is null)
        {
            agent.Offer = offer;
            call.OfferedTo = offer.AgentId;
        }

        _waiting.Add(call);
        _sequence = Math.Max(_sequence, state.Sequence);
        _waiting.Sort(static (a, b) => a.EnqueuedAt != b.EnqueuedAt ? a.EnqueuedAt.CompareTo(b.EnqueuedAt) : a.Sequence.CompareTo(b.Sequence));
    }

    /// <summary>The waiting calls, longest-waiting first (offered ones included: they still wait).</summary>
    /// <summary>The agents the queue knows (each set a status once).</summary>
    public IReadOnlyList<string> AgentIds => _agents.Keys.ToList();

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

    /// <summary>
    /// What the desk shows: <see cref="AgentStatus.OnCall"/> on a call, <see cref="AgentStatus.WrapUp"/> after one,
    /// otherwise what the agent chose. Null when the agent is unknown.
    /// </summary>
    public AgentStatus? StatusOf(string agentId) => _agents.TryGetValue(agentId, out var agent)
        ? agent.CallId is not null ? AgentStatus.OnCall : agent.WrapUpUntil is not null ? AgentStatus.WrapUp : agent.Status
        : null;

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
    /// any change forgets the calls it declined, so they may be offered to it again. Any choice ends a wrap-up.
    /// Only Away, Available and Busy can be chosen.
    /// </summary>
    public void SetStatus(string agentId, AgentStatus status, DateTimeOffset at)
    {
        if (status is AgentStatus.OnCall or AgentStatus.WrapUp)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "On call and wrap-up are set by the call center.");
        }

        var agent = GetOrAddAgent(agentId, at);
        var wasWrappingUp = agent.WrapUpUntil is not null;
        agent.WrapUpUntil = null;
        if (wasWrappingUp && status == AgentStatus.Available)
        {
            agent.IdleSince = at;
        }

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

    /// <summary>
    /// Undoes <see cref="Accept"/> (the agent could not join the call): the call waits again in its old place, without
    /// an offer, and the agent is idle as before (no wrap-up).
    /// </summary>
    public void Unaccept(string agentId, QueuedCallState call)
    {
        if (_agents.TryGetValue(agentId, out var agent) && agent.CallId == call.CallId)
        {
            agent.CallId = null;
        }

        RestoreWaiting(call with { Offer = null });
    }

    /// <summary>The agent refuses the offered call; it stays queued for the other agents. False when no such offer is open.</summary>
    public bool Decline(string agentId, string callId, DateTimeOffset at)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.Offer?.CallId != callId)
        {
            return false;
        }

        WithdrawOffer(agent);
        if (_waiting.Find(w => w.CallId == callId) is { } call)
        {
            call.DeclinedBy[agentId] = at;
        }

        return true;
    }

    /// <summary>The agent's call ended: it wraps up for the wrap-up time, then is idle again from <paramref name="at"/>.</summary>
    public void EndCall(string agentId, DateTimeOffset at)
    {
        if (_agents.TryGetValue(agentId, out var agent))
        {
            agent.CallId = null;
            agent.IdleSince = at;
            agent.WrapUpUntil = _wrapUp > TimeSpan.Zero ? at + _wrapUp : null;
        }
    }

    /// <summary>Ends the wrap-ups whose time passed by <paramref name="now"/>. Returns the agents that are back.</summary>
    public IReadOnlyList<string> EndWrapUps(DateTimeOffset now)
    {
        var back = new List<string>();
        foreach (var agent in _agents.Values)
        {
            if (agent.WrapUpUntil is { } until && until <= now)
            {
                agent.WrapUpUntil = null;
                agent.IdleSince = until;
                back.Add(agent.Id);
            }
        }

        return back;
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
                if (agent.Status == AgentStatus.Available && agent.CallId is null && agent.Offer is null && agent.WrapUpUntil is null
                    && !(call.DeclinedBy.TryGetValue(agent.Id, out var declinedAt) && now < declinedAt + _declineCooldown)
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

    /// <summary>
    /// A supervisor hands a waiting call to one agent: the call's open offer (to anyone else) is withdrawn and the
    /// chosen agent is offered it now. Null when the call is not waiting; refused (null) unless the agent is Available
    /// with no call, offer or wrap-up. Returns the new offer and the agent whose offer was withdrawn, if any.
    /// </summary>
    public (QueueOffer Offer, string? WithdrawnFrom)? OfferTo(string callId, string agentId, DateTimeOffset now)
    {
        var call = _waiting.Find(w => w.CallId == callId);
        if (call is null || !_agents.TryGetValue(agentId, out var chosen)
            || chosen.Status != AgentStatus.Available || chosen.CallId is not null || chosen.WrapUpUntil is not null
            || (chosen.Offer is not null && chosen.Offer.CallId != callId))
        {
            return null;
        }

        string? withdrawnFrom = null;
        if (call.OfferedTo is { } current)
        {
            if (current == agentId)
            {
                return (chosen.Offer!, null);
            }

            withdrawnFrom = current;
            WithdrawOffer(_agents[current]);
        }

        var offer = new QueueOffer(call.CallId, chosen.Id, now, now + _offerTimeout);
        chosen.Offer = offer;
        call.OfferedTo = chosen.Id;
        return (offer, withdrawnFrom);
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

        /// <summary>Who declined the call, and when.</summary>
        public Dictionary<string, DateTimeOffset> DeclinedBy { get; } = new(StringComparer.Ordinal);
    }

    private sealed class AgentSlot(string id)
    {
        public string Id { get; } = id;

        public AgentStatus Status { get; set; } = AgentStatus.Away;

        public DateTimeOffset IdleSince { get; set; }

        public string? CallId { get; set; }

        public DateTimeOffset? WrapUpUntil { get; set; }

        public QueueOffer? Offer { get; set; }
    }
}
