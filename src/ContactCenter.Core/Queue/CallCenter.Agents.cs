using ContactCenter.Core.CallModes;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Usage;

namespace ContactCenter.Core.Queue;

public sealed partial class CallCenter
{
    public async Task<CallResult> SetAgentStatusAsync(StaffMember agent, AgentStatus status, CancellationToken ct = default)
    {
        if (!agent.IsAgent)
        {
            return CallError.Forbidden("Only agents take calls.");
        }

        await _gate.WaitAsync(ct);
        try
        {
            lock (_state)
            {
                _queue.SetStatus(agent.UserId, status, _time.GetUtcNow());
                DispatchLocked();
            }

            return CallResult.Success;
        }
        finally
        {
            _gate.Release();
            Notify();
        }
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

        await _gate.WaitAsync(ct);
        try
        {
            LiveCall call;
            lock (_state)
            {
                if (CheckOfferLocked(agent, callId) is { } offerError)
                {
                    return offerError;
                }

                call = _calls[callId];
            }

            await using var scope = _scopes.Open();
            var participant = await scope.Participants.CreateAsync(AccountId, new NewParticipant(s_audioVideo, _options.AgentTag), ct);
            if (!participant.IsSuccess)
            {
                return participant.Error;
            }

            var agentPid = participant.Value.Id;
            var joined = await scope.Sessions.AddMemberAsync(AccountId, callId, agentPid, null, ct);
            var wired = joined.IsSuccess
                ? await scope.Control.ApplyModeAsync(AccountId, callId, CallMode.FullyWired, [], [agentPid], [call.CustomerParticipantId], agent.Name, ct)
                : null;
            if (!joined.IsSuccess || !wired!.IsSuccess)
            {
                await scope.Participants.DeleteAsync(AccountId, agentPid, CancellationToken.None);
                return joined.Error ?? wired!.Error!;
            }

            var now = _time.GetUtcNow();
            await _usage.RecordJoinAsync(new UsageRecord(AccountId, callId, agentPid, participant.Value.Tag, now), CancellationToken.None);
            lock (_state)
            {
                _queue.Accept(agent.UserId, callId);
                call.Agents.Add(new CallMember(agent.UserId, agent.Name, agentPid));
                call.ConnectedAt = now;
                call.Mode = CallMode.FullyWired;
                CallCenterLog.Accepted(_logger, callId, agent.UserId);
                return ViewOf(call);
            }
        }
        finally
        {
            _gate.Release();
            Notify();
        }
    }

    /// <summary>The agent refuses the offered call; it goes to the next available agent.</summary>
    public async Task<CallResult> DeclineAsync(StaffMember agent, string callId, CancellationToken ct = default)
    {
        if (!agent.IsAgent)
        {
            return CallError.Forbidden("Only agents take calls.");
        }

        await _gate.WaitAsync(ct);
        try
        {
            lock (_state)
            {
                if (CheckOfferLocked(agent, callId) is { } offerError)
                {
                    return offerError;
                }

                _queue.Decline(agent.UserId, callId);
                DispatchLocked();
                return CallResult.Success;
            }
        }
        finally
        {
            _gate.Release();
            Notify();
        }
    }

    /// <summary>An agent ends its call. Only an agent of that very call may.</summary>
    public async Task<CallResult> HangUpAsync(StaffMember agent, string callId, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
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
            _gate.Release();
            Notify();
        }
    }

    /// <summary>
    /// Housekeeping, run about every second by the host: withdraws expired offers (their agents go Away) and passes
    /// the calls on, and forgets ended calls after the retention period.
    /// </summary>
    public async Task ExpireOffersAsync(CancellationToken ct = default)
    {
        bool changed;
        await _gate.WaitAsync(ct);
        try
        {
            var now = _time.GetUtcNow();
            lock (_state)
            {
                var expired = _queue.ExpireOffers(now);
                foreach (var offer in expired)
                {
                    CallCenterLog.OfferExpired(_logger, offer.CallId, offer.AgentId);
                }

                DispatchLocked();
                var retention = TimeSpan.FromMinutes(_options.EndedCallRetentionMinutes);
                var forgotten = _calls.Values.Where(c => c.EndedAt + retention <= now).Select(c => c.CallId).ToList();
                foreach (var id in forgotten)
                {
                    _calls.Remove(id);
                }

                changed = expired.Count > 0 || forgotten.Count > 0;
            }
        }
        finally
        {
            _gate.Release();
        }

        if (changed)
        {
            Notify();
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
