using ContactCenter.Core.CallModes;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.Queue;

public sealed partial class CallCenter
{
    /// <summary>
    /// Rebuilds the call center from the database at start-up: the agents' states, the waiting callers in their order
    /// with their offers, and the live calls with their members, roles and mode (the session's). The media router
    /// gets every live session's stored edges again, so a whisper is still a whisper when the browsers reconnect.
    /// Every member counts as away until its page reconnects (<see cref="MemberConnected"/>); one that does not
    /// within the grace period is removed. Calls whose session or customer is gone end.
    /// </summary>
    public async Task RestoreAsync(CancellationToken ct = default)
    {
        var store = _journal.Store;
        var agents = await store.LoadAgentsAsync(ct);
        var stored = await store.LoadLiveCallsAsync(ct);
        var now = _time.GetUtcNow();
        lock (_state)
        {
            foreach (var agent in agents)
            {
                _queue.RestoreAgent(new QueueAgentState(agent.UserId, agent.Status, agent.IdleSince, agent.CallId, agent.WrapUpUntil));
            }
        }

        var ended = new List<string>();
        await using (var scope = _scopes.Open())
        {
            foreach (var saved in stored.OrderBy(c => c.QueueSequence ?? long.MaxValue).ThenBy(c => c.WaitingSince))
            {
                var session = await scope.Store.FindSessionAsync(AccountId, saved.CallId, ct);
                var members = session is null ? [] : await scope.Store.GetMembersAsync(saved.CallId, ct);
                var present = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
                var call = new LiveCall(saved.CallId, saved.CustomerParticipantId, saved.CustomerName, saved.CustomerTag, saved.WaitingSince)
                {
                    ConnectedAt = saved.ConnectedAt,
                    Mode = session?.Mode ?? CallMode.FullyWired,
                    CustomerResumeHash = saved.CustomerResumeHash,
                    CallerKey = saved.CallerKey,
                };
                foreach (var member in saved.Members.Where(m => present.Contains(m.ParticipantId)))
                {
                    (member.IsSupervisor ? call.Supervisors : call.Agents).Add(new CallMember(member.UserId, member.Name, member.ParticipantId));
                }

                call.Whispered.AddRange(saved.Whispered.Where(present.Contains));
                foreach (var participantId in call.ParticipantIds)
                {
                    call.Absent[participantId] = now;
                }

                lock (_state)
                {
                    _calls[call.CallId] = call;
                    if (saved.ConnectedAt is null && saved.QueueSequence is { } sequence)
                    {
                        _queue.RestoreWaiting(new QueuedCallState(saved.CallId, saved.WaitingSince, sequence, saved.Offer, saved.DeclinedBy));
                    }
                }

                if (!present.Contains(saved.CustomerParticipantId) || (saved.ConnectedAt is not null && call.Agents.Count == 0))
                {
                    ended.Add(call.CallId);
                    continue;
                }

                await scope.Sessions.ReapplyEdgesAsync(AccountId, saved.CallId, ct);
            }
        }

        lock (_state)
        {
            // An agent stored on a call that did not survive is idle.
            foreach (var agent in agents.Where(a => a.CallId is not null && (!_calls.TryGetValue(a.CallId, out var c) || !c.Agents.Any(m => m.UserId == a.UserId))))
            {
                _queue.EndCall(agent.UserId, now);
                _journal.MarkAgent(agent.UserId);
            }

            DispatchLocked();
        }

        foreach (var callId in ended)
        {
            await CallerHangUpAsync(callId, ct);
        }

        CallCenterLog.Restored(_logger, stored.Count - ended.Count, agents.Count);
        await CommitAsync();
    }

    /// <summary>True once the host began to stop: the pages say the server restarts and the call goes on.</summary>
    public bool IsStopping { get; private set; }

    /// <summary>The host is stopping (SIGTERM): no call ends; the pages are told, and rejoin when it is back.</summary>
    public void AnnounceStopping()
    {
        IsStopping = true;
        Notify();
    }

    /// <summary>A member's page (re)connected its media: it keeps its place in the call.</summary>
    public void MemberConnected(string participantId)
    {
        lock (_state)
        {
            foreach (var call in _calls.Values)
            {
                call.Absent.Remove(participantId);
            }
        }
    }

    /// <summary>
    /// A member's page lost its connection (closed, reloaded, network gone): unless it comes back within the grace
    /// period (<see cref="CallCenterOptions.MemberGraceSeconds"/>), it is removed from its call.
    /// </summary>
    public void MemberDisconnected(string participantId)
    {
        var now = _time.GetUtcNow();
        lock (_state)
        {
            foreach (var call in _calls.Values)
            {
                if (!call.IsEnded && call.ParticipantIds.Contains(participantId))
                {
                    call.Absent.TryAdd(participantId, now);
                }
            }
        }
    }

    /// <summary>The call a participant is a live member of, if any (for the pages that rejoin it).</summary>
    public LiveCallView? FindCallOf(string participantId)
    {
        lock (_state)
        {
            var call = _calls.Values.FirstOrDefault(c => !c.IsEnded && c.ParticipantIds.Contains(participantId));
            return call is null ? null : ViewOf(call);
        }
    }

    /// <summary>The grace period of an absent member ran out: the customer or the last agent ends the call, others just go.</summary>
    private async Task RemoveAbsentMemberAsync(string callId, string participantId, CancellationToken ct)
    {
        using var gate = await _gates.EnterAsync(callId, ct);
        LiveCall? call;
        CallMember? supervisor;
        CallMember? agent;
        lock (_state)
        {
            if (!_calls.TryGetValue(callId, out call) || call.IsEnded || !call.Absent.ContainsKey(participantId))
            {
                return;
            }

            supervisor = call.Supervisors.Find(s => s.ParticipantId == participantId);
            agent = call.Agents.Find(a => a.ParticipantId == participantId);
            var endsCall = participantId == call.CustomerParticipantId || (agent is not null && call.Agents.Count == 1);
            if (!endsCall)
            {
                call.Absent.Remove(participantId);
            }
            else
            {
                supervisor = agent = null;
            }
        }

        if (supervisor is not null)
        {
            await LeaveGatedAsync(new StaffMember(supervisor.UserId, supervisor.Name, IsAgent: false, IsSupervisor: true), call, ct);
            return;
        }

        if (agent is not null)
        {
            await using var scope = _scopes.Open();
            await scope.Participants.DeleteAsync(AccountId, participantId, CancellationToken.None);
            await _usage.RecordLeaveAsync(participantId, _time.GetUtcNow(), CancellationToken.None);
            lock (_state)
            {
                call.Agents.Remove(agent);
                call.Whispered.Remove(participantId);
                _queue.EndCall(agent.UserId, _time.GetUtcNow());
                _journal.MarkAgent(agent.UserId);
                _journal.MarkCall(callId);
            }

            return;
        }

        await EndCallGatedAsync(callId);
    }

    /// <summary>A mode change committed by anyone (the REST API included): the projection takes the mode and the coached agents.</summary>
    private void OnModeChanged(ModeChangedEvent change)
    {
        lock (_state)
        {
            if (!_calls.TryGetValue(change.SessionId, out var call) || call.IsEnded)
            {
                return;
            }

            call.Mode = change.Mode;
            call.Whispered.Clear();
            if (change.Mode is CallMode.Whisper or CallMode.GroupWhisper)
            {
                call.Whispered.AddRange(change.Agents);
            }

            _journal.MarkCall(call.CallId);
            CallCenterLog.OutsideModeChange(_logger, call.CallId, change.Mode);
        }

        _ = CommitAsync();
    }

    /// <summary>
    /// A member left a session (the REST API removed or deleted it, a phone hung up): the projection drops it; the
    /// call ends when that was its customer or its last agent.
    /// </summary>
    private void OnMembershipChanged(MembershipChangedEvent change)
    {
        if (change.Joined)
        {
            return;
        }

        var endCall = false;
        lock (_state)
        {
            if (!_calls.TryGetValue(change.SessionId, out var call) || call.IsEnded)
            {
                return;
            }

            var leaving = call.Agents.Where(a => a.ParticipantId == change.ParticipantId).ToList();
            foreach (var agent in leaving)
            {
                call.Agents.Remove(agent);
                _queue.EndCall(agent.UserId, _time.GetUtcNow());
                _journal.MarkAgent(agent.UserId);
            }

            call.Supervisors.RemoveAll(s => s.ParticipantId == change.ParticipantId);
            call.Whispered.Remove(change.ParticipantId);
            call.Absent.Remove(change.ParticipantId);
            _journal.MarkCall(call.CallId);
            endCall = change.ParticipantId == call.CustomerParticipantId || (leaving.Count > 0 && call.Agents.Count == 0);
        }

        if (endCall)
        {
            _ = CallerHangUpAsync(change.SessionId);
        }
        else
        {
            _ = CommitAsync();
        }
    }
}
