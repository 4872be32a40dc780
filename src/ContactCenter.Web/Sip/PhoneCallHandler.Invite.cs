using ContactCenter.Core.Domain;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tokens;
using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Web.Sip;

internal sealed partial class PhoneCallHandler
{
    private static readonly PublishPermission[] s_audioOnly = [PublishPermission.Audio];

    public async Task<SipInviteDecision> OnInviteAsync(SipInviteContext context, CancellationToken cancellationToken)
    {
        SipInviteDecision decision;
        if (context.Token is not null)
        {
            decision = await TokenInviteAsync(context.Token, cancellationToken);
        }
        else if (context.Trunk is not null)
        {
            decision = await TrunkInviteAsync(context, cancellationToken);
        }
        else
        {
            decision = SipInviteDecision.Forbidden("Forbidden (no participant token)");
        }

        if (decision.IsAccepted)
        {
            SipHostLog.Accepted(_logger, context.CallId, decision.ParticipantId!, decision.SessionId!, context.Token is null);
        }
        else
        {
            SipHostLog.Refused(_logger, context.CallId, decision.StatusCode, decision.ReasonPhrase);
        }

        return decision;
    }

    /// <summary>
    /// Bandwidth style: the token names an existing participant with AUDIO permission that the control plane has
    /// put in a session (the REST API adds members; a phone never joins by itself). Membership is read from the
    /// store, never from the token: the token's session claim must match the participant's current session, the
    /// rule the hub and /v3 apply (<see cref="Signaling.SignalingCore.ConnectAsync"/>), so a caller removed from a
    /// call cannot come back with the token it was given.
    /// </summary>
    private async Task<SipInviteDecision> TokenInviteAsync(string token, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ParticipantTokenService>();
        var validation = await tokens.ValidateAsync(token, ct);
        if (!validation.IsValid)
        {
            return SipInviteDecision.Forbidden($"Forbidden (token {validation.Failure})");
        }

        var participant = validation.Participant!;
        if (!participant.CanPublish(PublishPermission.Audio))
        {
            return SipInviteDecision.Forbidden("Forbidden (no AUDIO permission)");
        }

        var claimed = validation.Claims.SessionId;
        if (participant.SessionId is not { } sessionId)
        {
            return SipInviteDecision.Forbidden("Forbidden (participant is in no session)");
        }

        if (claimed is not null && claimed != sessionId)
        {
            return SipInviteDecision.Forbidden("Forbidden (token for another session)");
        }

        _pending[participant.Id] = new PhoneLeg(validation.Claims.AccountId, sessionId, participant.Id, FromTrunk: false);
        return SipInviteDecision.Accept(participant.Id, sessionId);
    }

    /// <summary>
    /// A trunk call: a new AUDIO-only customer (tagged, never with the caller's number) in a new session, queued
    /// like a web caller. The number is the queue entry's name, which is what the agent sees.
    /// </summary>
    private async Task<SipInviteDecision> TrunkInviteAsync(SipInviteContext context, CancellationToken ct)
    {
        var waiting = 0;
        foreach (var call in _callCenter.ActiveCalls)
        {
            if (call.State is CallState.Waiting or CallState.Offered)
            {
                waiting++;
            }
        }

        if (waiting >= _options.MaxQueuedCalls)
        {
            return SipInviteDecision.QueueFull();
        }

        var accountId = _callCenter.AccountId;
        string sessionId;
        string participantId;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var store = services.GetRequiredService<ICallStore>();
            if (await store.FindAccountAsync(accountId, ct) is null)
            {
                store.Add(new Account(accountId, accountId, DateTimeOffset.UtcNow));
                await store.SaveChangesAsync(ct);
            }

            var sessions = services.GetRequiredService<SessionService>();
            var participants = services.GetRequiredService<ParticipantService>();
            var session = await sessions.CreateAsync(accountId, _options.CustomerTag, ct);
            if (!session.IsSuccess)
            {
                return SipInviteDecision.QueueFull(serviceUnavailable: true);
            }

            sessionId = session.Value.Id;
            var participant = await participants.CreateAsync(accountId, new NewParticipant(s_audioOnly, _options.CustomerTag), ct);
            if (!participant.IsSuccess)
            {
                await sessions.DeleteAsync(accountId, sessionId, CancellationToken.None);
                return SipInviteDecision.QueueFull(serviceUnavailable: true);
            }

            participantId = participant.Value.Id;
            var joined = await sessions.AddMemberAsync(accountId, sessionId, participantId, null, ct);
            if (!joined.IsSuccess)
            {
                await sessions.DeleteAsync(accountId, sessionId, CancellationToken.None);
                await participants.DeleteAsync(accountId, participantId, CancellationToken.None);
                return SipInviteDecision.QueueFull(serviceUnavailable: true);
            }
        }

        // Registered before queueing: an agent may answer (and the phone's edges arrive) at once.
        _pending[participantId] = new PhoneLeg(accountId, sessionId, participantId, FromTrunk: true);
        var queued = await _callCenter.EnqueueExistingCallAsync(sessionId, participantId, context.CallerNumber ?? "Unknown caller",
            _options.CustomerTag, CancellationToken.None);
        if (!queued.IsSuccess)
        {
            _pending.TryRemove(participantId, out _);
            await using var cleanup = _scopes.CreateAsyncScope();
            await cleanup.ServiceProvider.GetRequiredService<SessionService>().DeleteAsync(accountId, sessionId, CancellationToken.None);
            await cleanup.ServiceProvider.GetRequiredService<ParticipantService>().DeleteAsync(accountId, participantId, CancellationToken.None);
            return SipInviteDecision.QueueFull(serviceUnavailable: true);
        }

        return SipInviteDecision.Accept(participantId, sessionId);
    }
}
