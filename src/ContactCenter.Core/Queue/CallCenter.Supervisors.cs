using ContactCenter.Core.CallModes;
using ContactCenter.Core.Services;
using ContactCenter.Core.Usage;

namespace ContactCenter.Core.Queue;

public sealed partial class CallCenter
{
    /// <summary>
    /// A supervisor acts on a live call: joins it (first time) and switches its mode, or leaves it.
    /// <paramref name="coachedAgentParticipantIds"/> are the agents of a group whisper; the call's other agents then
    /// take the customer's side of the plan (they hear the call, not the supervisor).
    /// </summary>
    public async Task<CallResult<LiveCallView>> ApplySupervisorActionAsync(
        StaffMember supervisor,
        string callId,
        SupervisorAction action,
        IReadOnlyCollection<string>? coachedAgentParticipantIds = null,
        CancellationToken ct = default)
    {
        if (!supervisor.IsSupervisor)
        {
            return CallError.Forbidden("Only supervisors monitor calls.");
        }

        using var gate = await _gates.EnterAsync(callId, ct);
        try
        {
            LiveCall call;
            List<string> coached;
            lock (_state)
            {
                if (!_calls.TryGetValue(callId, out call!) || call.IsEnded)
                {
                    return CallError.NotFound($"Call {callId} is not live.");
                }

                var agentIds = call.Agents.Select(a => a.ParticipantId).ToHashSet(StringComparer.Ordinal);
                coached = (coachedAgentParticipantIds ?? []).Where(agentIds.Contains).Distinct().ToList();
                if (SupervisorActions.WhyNot(ViewOf(call), supervisor.UserId, action, coached.Count) is { } why)
                {
                    return CallError.Conflict(why);
                }
            }

            var result = action == SupervisorAction.Leave
                ? await LeaveGatedAsync(supervisor, call, ct)
                : await ApplyModeGatedAsync(supervisor, call, SupervisorActions.ModeOf(action)!.Value, coached, ct);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            lock (_state)
            {
                return ViewOf(call);
            }
        }
        finally
        {
            await CommitAsync();
        }
    }

    private async Task<CallResult> ApplyModeGatedAsync(StaffMember supervisor, LiveCall call, CallMode mode, List<string> coached, CancellationToken ct)
    {
        await using var scope = _scopes.Open();
        var me = call.Supervisors.Find(s => s.UserId == supervisor.UserId);
        var joinedNow = me is null;
        if (me is null)
        {
            var participant = await scope.Participants.CreateAsync(AccountId, new NewParticipant(s_audioOnly, _options.SupervisorTag), ct);
            if (!participant.IsSuccess)
            {
                return participant.Error;
            }

            // A new member hears and is heard by nobody until the mode below names it (CallModePlanner).
            var joined = await scope.Sessions.AddMemberAsync(AccountId, call.CallId, participant.Value.Id, null, ct);
            if (!joined.IsSuccess)
            {
                await scope.Participants.DeleteAsync(AccountId, participant.Value.Id, CancellationToken.None);
                return joined.Error;
            }

            me = new CallMember(supervisor.UserId, supervisor.Name, participant.Value.Id);
        }

        var supervisors = call.Supervisors.Select(s => s.ParticipantId).ToList();
        if (joinedNow)
        {
            supervisors.Add(me.ParticipantId);
        }

        var (agents, customers) = Roster(call, mode, coached);
        var applied = await scope.Control.ApplyModeAsync(AccountId, call.CallId, mode, supervisors, agents, customers, supervisor.Name, ct);
        if (!applied.IsSuccess)
        {
            if (joinedNow)
            {
                await scope.Participants.DeleteAsync(AccountId, me.ParticipantId, CancellationToken.None);
            }

            return applied.Error;
        }

        if (joinedNow)
        {
            await _usage.RecordJoinAsync(
                new UsageRecord(AccountId, call.CallId, me.ParticipantId, _options.SupervisorTag, _time.GetUtcNow()), CancellationToken.None);
        }

        lock (_state)
        {
            if (joinedNow)
            {
                call.Supervisors.Add(me);
            }

            call.Mode = mode;
            call.Whispered.Clear();
            call.Whispered.AddRange(mode switch
            {
                CallMode.Whisper => agents,
                CallMode.GroupWhisper => coached,
                _ => [],
            });
            _journal.MarkCall(call.CallId);
        }

        CallCenterLog.SupervisorMode(_logger, supervisor.UserId, call.CallId, mode);
        return CallResult.Success;
    }

    /// <summary>
    /// The supervisor's participant goes (which cuts its edges at once); the others stay in the mode, or, when the
    /// last supervisor left, the call is fully wired again.
    /// </summary>
    private async Task<CallResult> LeaveGatedAsync(StaffMember supervisor, LiveCall call, CancellationToken ct)
    {
        CallMember? me;
        lock (_state)
        {
            me = call.Supervisors.Find(s => s.UserId == supervisor.UserId);
        }

        if (me is null)
        {
            return CallResult.Success;
        }

        await using var scope = _scopes.Open();
        var removed = await scope.Participants.DeleteAsync(AccountId, me.ParticipantId, ct);
        if (!removed.IsSuccess)
        {
            return removed;
        }

        await _usage.RecordLeaveAsync(me.ParticipantId, _time.GetUtcNow(), CancellationToken.None);
        List<string> coached;
        lock (_state)
        {
            call.Supervisors.Remove(me);
            call.Absent.Remove(me.ParticipantId);
            coached = call.Whispered.ToList();
            _journal.MarkCall(call.CallId);
        }

        var mode = call.Supervisors.Count == 0 ? CallMode.FullyWired : call.Mode;
        var supervisors = call.Supervisors.Select(s => s.ParticipantId).ToList();
        var (agents, customers) = Roster(call, mode, coached);
        var applied = await scope.Control.ApplyModeAsync(AccountId, call.CallId, mode, supervisors, agents, customers, supervisor.Name, ct);
        if (!applied.IsSuccess)
        {
            return applied.Error;
        }

        lock (_state)
        {
            call.Mode = mode;
            if (mode == CallMode.FullyWired)
            {
                call.Whispered.Clear();
            }

            _journal.MarkCall(call.CallId);
        }

        return CallResult.Success;
    }

    /// <summary>
    /// The agent and customer lists of a mode change. In a group whisper only the coached agents play the agent;
    /// the others play the customer, which hears every agent and customer and no supervisor.
    /// </summary>
    private static (List<string> Agents, List<string> Customers) Roster(LiveCall call, CallMode mode, List<string> coached)
    {
        var agents = call.Agents.Select(a => a.ParticipantId).ToList();
        var customers = new List<string> { call.CustomerParticipantId };
        if (mode == CallMode.GroupWhisper)
        {
            customers.AddRange(agents.Where(a => !coached.Contains(a)));
            agents = agents.Where(coached.Contains).ToList();
        }

        return (agents, customers);
    }

    /// <summary>
    /// A supervisor offers a waiting caller to a chosen agent now (ahead of the queue's order); the agent accepts or
    /// declines as usual. Refused unless the call is waiting and the agent Available with nothing else on its desk.
    /// </summary>
    public async Task<CallResult> AssignAsync(StaffMember supervisor, string callId, string agentUserId, CancellationToken ct = default)
    {
        if (!supervisor.IsSupervisor)
        {
            return CallError.Forbidden("Only supervisors assign calls.");
        }

        using var gate = await _gates.EnterAsync(callId, ct);
        try
        {
            lock (_state)
            {
                if (!_calls.TryGetValue(callId, out var call) || call.IsEnded || call.ConnectedAt is not null)
                {
                    return CallError.NotFound("This caller is no longer waiting.");
                }

                if (_queue.OfferTo(callId, agentUserId, _time.GetUtcNow()) is not { } made)
                {
                    return CallError.Conflict("That agent cannot take a call now: only an Available agent with no call, offer or wrap-up can.");
                }

                _journal.MarkCall(callId);
                _journal.MarkAgent(agentUserId);
                if (made.WithdrawnFrom is { } other)
                {
                    _journal.MarkAgent(other);
                }

                CallCenterLog.Offered(_logger, callId, agentUserId);
                DispatchLocked();
                return CallResult.Success;
            }
        }
        finally
        {
            await CommitAsync();
        }
    }
}
