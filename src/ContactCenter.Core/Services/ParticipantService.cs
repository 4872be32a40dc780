using ContactCenter.Core.Domain;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Rules;

namespace ContactCenter.Core.Services;

/// <summary>Participants (the Bandwidth participants API). Tokens are issued elsewhere, from the participant returned here.</summary>
public sealed class ParticipantService
{
    private readonly ICallStore _store;
    private readonly IMediaRouter _router;
    private readonly SessionLocks _locks;
    private readonly TimeProvider _time;
    private readonly CallEvents? _events;

    public ParticipantService(ICallStore store, IMediaRouter router, SessionLocks locks, TimeProvider time, CallEvents? events = null)
    {
        _events = events;
        _store = store;
        _router = router;
        _locks = locks;
        _time = time;
    }

    public async Task<CallResult<Participant>> CreateAsync(string accountId, NewParticipant request, CancellationToken ct = default)
    {
        var permissions = request.PublishPermissions ?? CallRules.DefaultPublishPermissions;
        var error = CallRules.CheckPublishPermissions(permissions)
            ?? CallRules.CheckTag(request.Tag)
            ?? CallRules.CheckCallbackUrl(request.CallbackUrl);
        if (error is not null)
        {
            return error;
        }

        var version = CallRules.NormalizeDeviceApiVersion(request.DeviceApiVersion);
        if (!version.IsSuccess)
        {
            return version.Error;
        }

        if (await _store.FindAccountAsync(accountId, ct) is null)
        {
            return Missing.Account(accountId);
        }

        var participant = new Participant(
            Membership.NewId(), accountId, permissions, request.Tag, request.CallbackUrl, version.Value, _time.GetUtcNow());
        _store.Add(participant);
        await _store.SaveChangesAsync(ct);
        return participant;
    }

    public async Task<CallResult<Participant>> GetAsync(string accountId, string participantId, CancellationToken ct = default) =>
        await _store.FindParticipantAsync(accountId, participantId, ct) is { } participant ? participant : Missing.Participant(participantId);

    /// <summary>Deletes the participant. It leaves its session first, exactly as a removal from that session would.</summary>
    public async Task<CallResult> DeleteAsync(string accountId, string participantId, CancellationToken ct = default)
    {
        using var participantLock = await _locks.LockParticipantAsync(participantId, ct);
        var participant = await _store.FindParticipantAsync(accountId, participantId, ct);
        if (participant is null)
        {
            return Missing.Participant(participantId);
        }

        var sessionId = participant.SessionId;
        using var sessionLock = sessionId is null ? null : await _locks.LockSessionAsync(sessionId, ct);

        // The session may have ended between the read above and the lock; then there are no edges to update.
        List<Participant>? remaining = null;
        if (sessionId is not null)
        {
            var members = await _store.GetMembersAsync(sessionId, ct);
            if (members.Any(m => m.Id == participantId))
            {
                remaining = Membership.Leave(participant, members);
            }
            else
            {
                participant.Leave();
            }
        }

        _store.Remove(participant);
        await _store.SaveChangesAsync(ct);

        if (remaining is not null)
        {
            Membership.ApplyEdges(_router, sessionId!, remaining);
            _events?.RaiseMembershipChanged(new MembershipChangedEvent(sessionId!, participantId, Joined: false));
        }

        return CallResult.Success;
    }
}
