using ContactCenter.Core.Domain;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Rules;

namespace ContactCenter.Core.Services;

/// <summary>
/// Sessions and their membership (the Bandwidth sessions API). Every mutation validates fully before it changes
/// anything, commits with one <see cref="ICallStore.SaveChangesAsync"/>, and then hands the media router the
/// session's complete new edge set. Mutations of one session are serialized through <see cref="SessionLocks"/>.
/// Subscriptions are in SessionService.Subscriptions.cs.
/// </summary>
public sealed partial class SessionService
{
    private readonly ICallStore _store;
    private readonly IMediaRouter _router;
    private readonly SessionLocks _locks;
    private readonly TimeProvider _time;
    private readonly CallEvents? _events;

    public SessionService(ICallStore store, IMediaRouter router, SessionLocks locks, TimeProvider time, CallEvents? events = null)
    {
        _events = events;
        _store = store;
        _router = router;
        _locks = locks;
        _time = time;
    }

    public async Task<CallResult<Session>> CreateAsync(string accountId, string? tag, CancellationToken ct = default)
    {
        if (CallRules.CheckTag(tag) is { } error)
        {
            return error;
        }

        if (await _store.FindAccountAsync(accountId, ct) is null)
        {
            return Missing.Account(accountId);
        }

        var session = new Session(Membership.NewId(), accountId, tag, _time.GetUtcNow());
        _store.Add(session);
        await _store.SaveChangesAsync(ct);
        return session;
    }

    public async Task<CallResult<Session>> GetAsync(string accountId, string sessionId, CancellationToken ct = default) =>
        await _store.FindSessionAsync(accountId, sessionId, ct) is { } session ? session : Missing.Session(sessionId);

    /// <summary>Ends the session: every member leaves it (keeping its participant), and the router drops its edges.</summary>
    public async Task<CallResult> DeleteAsync(string accountId, string sessionId, CancellationToken ct = default)
    {
        using var sessionLock = await _locks.LockSessionAsync(sessionId, ct);
        var session = await _store.FindSessionAsync(accountId, sessionId, ct);
        if (session is null)
        {
            return Missing.Session(sessionId);
        }

        foreach (var member in await _store.GetMembersAsync(sessionId, ct))
        {
            member.Leave();
        }

        _store.Remove(session);
        await _store.SaveChangesAsync(ct);
        _router.RemoveSession(sessionId);
        return CallResult.Success;
    }

    /// <summary>The session's current members, in the order they joined.</summary>
    public async Task<CallResult<IReadOnlyList<Participant>>> ListMembersAsync(string accountId, string sessionId, CancellationToken ct = default)
    {
        if (await _store.FindSessionAsync(accountId, sessionId, ct) is null)
        {
            return Missing.Session(sessionId);
        }

        var members = await _store.GetMembersAsync(sessionId, ct);
        IReadOnlyList<Participant> ordered = members.OrderBy(m => m.JoinedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        return CallResult<IReadOnlyList<Participant>>.Ok(ordered);
    }

    /// <summary>
    /// Puts a participant into the session, optionally with its subscriptions (null: none, or keep the current
    /// ones when it is already a member). Idempotent for a member of this session; a conflict when the session
    /// is full or the participant is in another session.
    /// </summary>
    public async Task<CallResult> AddMemberAsync(
        string accountId, string sessionId, string participantId, Subscriptions? subscriptions, CancellationToken ct = default)
    {
        using var participantLock = await _locks.LockParticipantAsync(participantId, ct);
        using var sessionLock = await _locks.LockSessionAsync(sessionId, ct);

        var session = await _store.FindSessionAsync(accountId, sessionId, ct);
        if (session is null)
        {
            return Missing.Session(sessionId);
        }

        var participant = await _store.FindParticipantAsync(accountId, participantId, ct);
        if (participant is null)
        {
            return Missing.Participant(participantId);
        }

        var members = await _store.GetMembersAsync(sessionId, ct);
        if (CallRules.CheckCanJoin(session, participant, members.Count) is { } joinError)
        {
            return joinError;
        }

        var alreadyMember = participant.SessionId == sessionId;
        Subscriptions? normalized = null;
        if (subscriptions is not null)
        {
            var checkedSubscriptions = await CheckSubscriptionsAsync(accountId, sessionId, subscriptions, members, ct);
            if (!checkedSubscriptions.IsSuccess)
            {
                return checkedSubscriptions.Error;
            }

            normalized = checkedSubscriptions.Value;
        }
        else if (alreadyMember)
        {
            return CallResult.Success;
        }

        participant.Join(sessionId, _time.GetUtcNow());
        participant.SetSubscriptions(normalized ?? Subscriptions.None);
        try
        {
            await _store.SaveChangesAsync(ct);
        }
        catch (SessionFullException)
        {
            // Another node filled the session between the count above and this commit: the database had the last word.
            return CallError.Conflict($"Session {sessionId} is full: a session may have at most {Session.MaxMembers} members.");
        }

        Membership.ApplyEdges(_router, sessionId, alreadyMember ? members : [.. members, participant]);
        if (!alreadyMember)
        {
            _events?.RaiseMembershipChanged(new MembershipChangedEvent(sessionId, participantId, Joined: true));
        }

        return CallResult.Success;
    }

    /// <summary>
    /// Takes a member out of the session. Its subscriptions go, and so does every other member's entry that names
    /// it, so that it is not heard again if it rejoins without being subscribed to anew.
    /// </summary>
    public async Task<CallResult> RemoveMemberAsync(string accountId, string sessionId, string participantId, CancellationToken ct = default)
    {
        using var participantLock = await _locks.LockParticipantAsync(participantId, ct);
        using var sessionLock = await _locks.LockSessionAsync(sessionId, ct);

        var found = await FindMemberAsync(accountId, sessionId, participantId, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (participant, members) = found.Value;
        var remaining = Membership.Leave(participant, members);
        await _store.SaveChangesAsync(ct);

        Membership.ApplyEdges(_router, sessionId, remaining);
        _events?.RaiseMembershipChanged(new MembershipChangedEvent(sessionId, participantId, Joined: false));
        return CallResult.Success;
    }

    /// <summary>
    /// Hands the router the session's stored edges again (a restarted process: the router starts empty, the
    /// database still holds every member's subscriptions).
    /// </summary>
    public async Task<CallResult> ReapplyEdgesAsync(string accountId, string sessionId, CancellationToken ct = default)
    {
        using var sessionLock = await _locks.LockSessionAsync(sessionId, ct);
        if (await _store.FindSessionAsync(accountId, sessionId, ct) is null)
        {
            return Missing.Session(sessionId);
        }

        Membership.ApplyEdges(_router, sessionId, await _store.GetMembersAsync(sessionId, ct));
        return CallResult.Success;
    }

    /// <summary>Loads a member of the session and all its members, or the not-found error the API reports.</summary>
    private async Task<CallResult<(Participant Member, IReadOnlyList<Participant> Members)>> FindMemberAsync(
        string accountId, string sessionId, string participantId, CancellationToken ct)
    {
        if (await _store.FindSessionAsync(accountId, sessionId, ct) is null)
        {
            return Missing.Session(sessionId);
        }

        var participant = await _store.FindParticipantAsync(accountId, participantId, ct);
        if (participant is null)
        {
            return Missing.Participant(participantId);
        }

        if (participant.SessionId != sessionId)
        {
            return Missing.Member(participantId, sessionId);
        }

        return (participant, await _store.GetMembersAsync(sessionId, ct));
    }
}
