using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Usage;

namespace ContactCenter.Core.Queue;

public sealed partial class CallCenter
{
    public const int MaxCallerNameLength = 60;

    /// <summary>
    /// A web caller asks for an agent: a session with the caller's participant in it, queued. The result carries a
    /// resume secret that only the caller's browser holds: with it, a reloaded page rejoins the call
    /// (<see cref="ResumeCallerAsync"/>). <paramref name="browserId"/> is the id the caller's browser keeps across calls
    /// (its history on the agent's desk); an id that is not one (see <see cref="CallerKeys.ForBrowser"/>) is ignored.
    /// </summary>
    public async Task<CallResult<NewWebCall>> StartWebCallAsync(string callerName, string? browserId = null, CancellationToken ct = default)
    {
        var name = callerName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxCallerNameLength)
        {
            return CallError.Validation($"Please enter your name (1 to {MaxCallerNameLength} characters).");
        }

        try
        {
            await using var scope = _scopes.Open();
            await EnsureAccountAsync(scope, ct);
            var session = await scope.Sessions.CreateAsync(AccountId, _options.WebCallerTag, ct);
            if (!session.IsSuccess)
            {
                return session.Error;
            }

            var participant = await scope.Participants.CreateAsync(AccountId, new NewParticipant(s_audioOnly, _options.WebCallerTag), ct);
            if (!participant.IsSuccess)
            {
                await scope.Sessions.DeleteAsync(AccountId, session.Value.Id, CancellationToken.None);
                return participant.Error;
            }

            var joined = await scope.Sessions.AddMemberAsync(AccountId, session.Value.Id, participant.Value.Id, null, ct);
            if (!joined.IsSuccess)
            {
                await scope.Sessions.DeleteAsync(AccountId, session.Value.Id, CancellationToken.None);
                await scope.Participants.DeleteAsync(AccountId, participant.Value.Id, CancellationToken.None);
                return joined.Error;
            }

            var now = _time.GetUtcNow();
            await _usage.RecordJoinAsync(new UsageRecord(AccountId, session.Value.Id, participant.Value.Id, participant.Value.Tag, now), CancellationToken.None);
            var resume = ResumeSecrets.New();
            lock (_state)
            {
                var call = new LiveCall(session.Value.Id, participant.Value.Id, name, _options.WebCallerTag, now)
                {
                    CustomerResumeHash = ResumeSecrets.Hash(resume),
                    CallerKey = CallerKeys.ForBrowser(browserId),
                };

                // The caller's page has not connected its media yet: until it does, the caller counts as away, so a
                // page closed before its media connection opened (which no disconnect will ever report) still ends
                // the call after the grace period.
                call.Absent[participant.Value.Id] = now;
                _calls[session.Value.Id] = call;
                _queue.Enqueue(session.Value.Id, now);
                _journal.MarkCall(session.Value.Id);
                DispatchLocked();
            }

            CallCenterLog.Queued(_logger, session.Value.Id);
            return new NewWebCall(session.Value.Id, participant.Value.Id, resume);
        }
        finally
        {
            await CommitAsync();
        }
    }

    /// <summary>
    /// Queues a call whose session and customer participant already exist (a phone caller: the SIP bridge creates
    /// both, joins the participant, then hands the call to the queue). From then on it is like a web call.
    /// </summary>
    public async Task<CallResult> EnqueueExistingCallAsync(
        string sessionId, string customerParticipantId, string callerName, string? tag, CancellationToken ct = default)
    {
        var name = string.IsNullOrWhiteSpace(callerName) ? "Unknown caller" : callerName.Trim();
        using var gate = await _gates.EnterAsync(sessionId, ct);
        try
        {
            await using var scope = _scopes.Open();
            var participant = await scope.Store.FindParticipantAsync(AccountId, customerParticipantId, ct);
            if (participant?.SessionId != sessionId)
            {
                return CallError.NotFound($"Participant {customerParticipantId} is not a member of session {sessionId}.");
            }

            lock (_state)
            {
                if (_calls.ContainsKey(sessionId))
                {
                    return CallError.Conflict($"Call {sessionId} is already queued.");
                }
            }

            var now = _time.GetUtcNow();
            await _usage.RecordJoinAsync(new UsageRecord(AccountId, sessionId, customerParticipantId, participant.Tag, now), CancellationToken.None);
            lock (_state)
            {
                _calls[sessionId] = new LiveCall(sessionId, customerParticipantId, name.Length > MaxCallerNameLength ? name[..MaxCallerNameLength] : name,
                    participant.Tag ?? "", now)
                {
                    CallerKey = CallerKeys.ForPhone(callerName),
                };
                _queue.Enqueue(sessionId, now);
                _journal.MarkCall(sessionId);
                DispatchLocked();
            }

            CallCenterLog.Queued(_logger, sessionId);
            return CallResult.Success;
        }
        finally
        {
            await CommitAsync();
        }
    }

    /// <summary>
    /// A reloaded customer page asks to rejoin its call with the secret its browser kept. Refused with a clear reason
    /// for another call's secret, an ended call, or a secret already used (another tab resumed the call first and
    /// holds the new one). On success the secret is replaced: the caller gets the new one to keep.
    /// </summary>
    public async Task<CallResult<NewWebCall>> ResumeCallerAsync(string callId, string secret, CancellationToken ct = default)
    {
        using var gate = await _gates.EnterAsync(callId, ct);
        try
        {
            lock (_state)
            {
                if (!_calls.TryGetValue(callId, out var call) || call.IsEnded)
                {
                    return CallError.NotFound("This call has ended.");
                }

                if (call.CustomerResumeHash is null || !ResumeSecrets.Matches(secret, call.CustomerResumeHash))
                {
                    return CallError.Forbidden("This page's call was taken over by another tab, or it is not this call's: the call stays with the other tab.");
                }

                var next = ResumeSecrets.New();
                call.CustomerResumeHash = ResumeSecrets.Hash(next);
                _journal.MarkCall(callId);
                return new NewWebCall(callId, call.CustomerParticipantId, next);
            }
        }
        finally
        {
            await CommitAsync();
        }
    }

    /// <summary>The caller hung up (or closed the page for good): the call ends wherever it was.</summary>
    public async Task<CallResult> CallerHangUpAsync(string callId, CancellationToken ct = default)
    {
        using var gate = await _gates.EnterAsync(callId, ct);
        try
        {
            return await EndCallGatedAsync(callId);
        }
        finally
        {
            await CommitAsync();
        }
    }

    /// <summary>Ends every live call now (an operator's decision; a restart keeps the calls).</summary>
    public async Task EndAllCallsAsync(CancellationToken ct = default)
    {
        List<string> live;
        lock (_state)
        {
            live = _calls.Values.Where(c => !c.IsEnded).Select(c => c.CallId).ToList();
        }

        foreach (var callId in live)
        {
            await CallerHangUpAsync(callId, ct);
        }
    }

    /// <summary>
    /// Ends a call: out of the queue, every member removed from the session (so no edge is left), usage closed.
    /// The session and its participants stay as records, as a BYE or a hang-up must not erase the call's history.
    /// Holds the call's gate.
    /// </summary>
    private async Task<CallResult> EndCallGatedAsync(string callId)
    {
        List<string> participants;
        var now = _time.GetUtcNow();
        lock (_state)
        {
            if (!_calls.TryGetValue(callId, out var call) || call.IsEnded)
            {
                return CallError.NotFound($"Call {callId} is not live.");
            }

            MarkOfferLocked(callId);
            _queue.Remove(callId);
            foreach (var agent in call.Agents)
            {
                _queue.EndCall(agent.UserId, now);
                _journal.MarkAgent(agent.UserId);
            }

            call.EndedAt = now;
            call.Whispered.Clear();
            call.Absent.Clear();
            call.CustomerResumeHash = null;
            _journal.MarkCall(callId);
            participants = call.ParticipantIds.ToList();
            DispatchLocked();
        }

        // Every member leaves; each removal hands the router the smaller edge set, ending with none. A member that
        // already left (a phone's BYE got there first) answers NotFound, which is the state we want.
        await using var scope = _scopes.Open();
        foreach (var participantId in participants)
        {
            var removed = await scope.Sessions.RemoveMemberAsync(AccountId, callId, participantId, CancellationToken.None);
            if (!removed.IsSuccess && removed.Error.Kind != CallErrorKind.NotFound)
            {
                CallCenterLog.CleanupFailed(_logger, callId, removed.Error.Message);
            }

            await _usage.RecordLeaveAsync(participantId, now, CancellationToken.None);
        }

        CallCenterLog.Ended(_logger, callId);
        return CallResult.Success;
    }

    private async Task EnsureAccountAsync(ICallScope scope, CancellationToken ct)
    {
        if (await scope.Store.FindAccountAsync(AccountId, ct) is null)
        {
            scope.Store.Add(new Account(AccountId, AccountId, _time.GetUtcNow()));
            await scope.Store.SaveChangesAsync(ct);
        }
    }
}
