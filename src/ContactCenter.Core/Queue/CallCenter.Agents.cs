using ContactCenter.Core.CallModes;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Usage;

namespace ContactCenter.Core.Queue;

public sealed partial class CallCenter
{
    /// <summary>What the agent says: Away, Available or Busy (On call and Wrap-up are set by the call center).</summary>
    public async Task<CallResult> SetAgentStatusAsync(StaffMember agent, AgentStatus status, CancellationToken ct = default)
    {
        if (!agent.IsAgent)
        {
            return CallError.Forbidden("Only agents take calls.");
        }

        if (status is not (AgentStatus.Away or AgentStatus.Available or AgentStatus.Busy))
        {
            return CallError.Validation("On call and Wrap-up are set by the call center, not chosen.");
        }

        lock (_state)
        {
            if (_queue.OfferFor(agent.UserId) is { } offer)
            {
                _journal.MarkCall(offer.CallId);
            }

            _queue.SetStatus(agent.UserId, status, _time.GetUtcNow());
            _journal.MarkAgent(agent.UserId);
            foreach (var waiting in _queue.Waiting)
            {
                _journal.MarkCall(waiting.CallId);
            }

            DispatchLocked();
        }

        await CommitAsync();
        return CallResult.Success;
    }

    /// <summary>
    /// The agent takes the call offered to it: its participant joins the caller's session and the call is fully
    /// wired. Refused when the offer went to someone else, or is no longer open.
    /// </summary>
    public async Task<CallResult<LiveCallView>> AcceptAsync(StaffMember agent, string callId, CancellationToken ct = default)
    {
        if (!agent.IsAgent)
        {
            return CallError.Forbidden("Only agents take calls.");
        }

        using var gate = await _gates.EnterAsync(callId, ct);
        try
        {
            LiveCall call;
            QueuedCallState claimed;
            lock (_state)
            {
                if (CheckOfferLocked(agent, callId) is { } offerError)
                {
                    return offerError;
                }

                // Claimed now, so that the offer cannot time out while the agent joins.
                call = _calls[callId];
                claimed = _queue.Waiting.First(w => w.CallId == callId);
                _queue.Accept(agent.UserId, callId);
            }

            var joined = await JoinAgentAsync(agent, call, ct);
            lock (_state)
            {
                _journal.MarkCall(callId);
                _journal.MarkAgent(agent.UserId);
                if (!joined.IsSuccess)
                {
                    _queue.Unaccept(agent.UserId, claimed);
                    DispatchLocked();
                    return joined.Error;
                }

                call.Agents.Add(joined.Value);
                call.ConnectedAt = _time.GetUtcNow();
                call.Mode = CallMode.FullyWired;
                CallCenterLog.Accepted(_logger, callId, agent.UserId);
                return ViewOf(call);
            }
        }
        finally
        {
            await CommitAsync();
        }
    }

    private async Task<CallResult<CallMember>> JoinAgentAsync(StaffMember agent, LiveCall call, CancellationToken ct)
    {
        await using var scope = _scopes.Open();
        var participant = await scope.Participants.CreateAsync(AccountId, new NewParticipant(s_audioVideo, _options.AgentTag), ct);
        if (!participant.IsSuccess)
        {
            return participant.Error;
        }

        var agentPid = participant.Value.Id;
        var joined = await scope.Sessions.AddMemberAsync(AccountId, call.CallId, agentPid, null, ct);
        var wired = joined.IsSuccess
            ? await scope.Control.ApplyModeAsync(AccountId, call.CallId, CallMode.FullyWired, [], [agentPid], [call.CustomerParticipantId], agent.Name, ct)
            : null;
        if (!joined.IsSuccess || !wired!.IsSuccess)
        {
            await scope.Participants.DeleteAsync(AccountId, agentPid, CancellationToken.None);
            return joined.Error ?? wired!.Error!;
        }

        await _usage.RecordJoinAsync(new UsageRecord(AccountId, call.CallId, agentPid, participant.Value.Tag, _time.GetUtcNow()), CancellationToken.None);
        return new CallMember(agent.UserId, agent.Name, agentPid);
    }

    /// <summary>The agent refuses the offered call; it goes to the next available agent (and back to this one after the cool-down).</summary>
    public async Task<CallResult> DeclineAsync(StaffMember agent, string callId, CancellationToken ct = default)
    {
        if (!agent.IsAgent)
        {
            return CallError.Forbidden("Only agents take calls.");
        }

        using var gate = await _gates.EnterAsync(callId, ct);
        try
        {
            lock (_state)
            {
                if (CheckOfferLocked(agent, callId) is { } offerError)
                {
                    return offerError;
                }

                _queue.Decline(agent.UserId, callId, _time.GetUtcNow());
                _journal.MarkCall(callId);
                _journal.MarkAgent(agent.UserId);
                DispatchLocked();
                return CallResult.Success;
            }
        }
        finally
        {
            await CommitAsync();
        }
    }

    /// <summary>An agent ends its call. Only an agent of that very call may.</summary>
    public async Task<CallResult> HangUpAsync(StaffMember agent, string callId, CancellationToken ct = default)
    {
        using var gate = await _gates.EnterAsync(callId, ct);
        try
        {
            lock (_state)
            {
                if (!_calls.TryGetValue(callId, out var call) || call.IsEnded)
                {
                    return CallError.NotFound($"Call {callId} is not live.");
                }

                if (!agent.IsAgent || !call.Agents.Any(a => a.UserId == agent.UserId))
                {
                    return CallError.Forbidden("You can only hang up your own calls.");
                }
            }

            return await EndCallGatedAsync(callId);
        }
        finally
        {
            await CommitAsync();
        }
    }

    /// <summary>
    /// Housekeeping, run about every second by the host: withdraws expired offers (their agents go Away) and passes
    /// the calls on, ends wrap-ups, removes members whose page did not come back within the grace period, and forgets
    /// ended calls after the retention period.
    /// </summary>
    public async Task ExpireOffersAsync(CancellationToken ct = default)
    {
        bool changed;
        List<(string CallId, string ParticipantId)> gone;
        var now = _time.GetUtcNow();
        lock (_state)
        {
            var expired = _queue.ExpireOffers(now);
            foreach (var offer in expired)
            {
                CallCenterLog.OfferExpired(_logger, offer.CallId, offer.AgentId);
                _journal.MarkCall(offer.CallId);
                _journal.MarkAgent(offer.AgentId);
            }

            var back = _queue.EndWrapUps(now);
            foreach (var agentId in back)
            {
                _journal.MarkAgent(agentId);
            }

            var offered = DispatchLocked();
            var retention = TimeSpan.FromMinutes(_options.EndedCallRetentionMinutes);
            var forgotten = _calls.Values.Where(c => c.EndedAt + retention <= now).Select(c => c.CallId).ToList();
            foreach (var id in forgotten)
            {
                _calls.Remove(id);
            }

            var grace = TimeSpan.FromSeconds(_options.MemberGraceSeconds);
            gone = _calls.Values.Where(c => !c.IsEnded)
                .SelectMany(c => c.Absent.Where(a => a.Value + grace <= now).Select(a => (c.CallId, a.Key)))
                .ToList();
            changed = expired.Count > 0 || back.Count > 0 || offered || forgotten.Count > 0;
        }

        foreach (var (callId, participantId) in gone)
        {
            CallCenterLog.MemberGone(_logger, participantId, callId);
            await RemoveAbsentMemberAsync(callId, participantId, ct);
            changed = true;
        }

        if (changed)
        {
            await CommitAsync();
        }
    }

    private CallError? CheckOfferLocked(StaffMember agent, string callId)
    {
        if (!_calls.TryGetValue(callId, out var call) || call.IsEnded)
        {
            return CallError.NotFound($"Call {callId} is no longer waiting.");
        }

        var offer = _queue.OfferOf(callId);
        if (offer is not null && offer.AgentId != agent.UserId)
        {
            return CallError.Forbidden("This call was offered to another agent.");
        }

        return offer is null ? CallError.Conflict("The offer is no longer open.") : null;
    }
}
