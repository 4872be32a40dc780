using ContactCenter.Core.Auditing;
using ContactCenter.Core.CallModes;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Rules;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Services;

/// <summary>
/// Switches a live call between the modes of CallModes/README.md: plans every member's subscriptions,
/// stores them and the mode in one commit, hands the router the new edges, and audits the change.
/// </summary>
public sealed class CallControl
{
    private readonly ICallStore _store;
    private readonly IMediaRouter _router;
    private readonly SessionLocks _locks;
    private readonly IModeAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<CallControl> _logger;
    private readonly CallEvents? _events;

    public CallControl(
        ICallStore store, IMediaRouter router, SessionLocks locks, IModeAuditLog audit, TimeProvider time, ILogger<CallControl> logger,
        CallEvents? events = null)
    {
        _events = events;
        _store = store;
        _router = router;
        _locks = locks;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Applies <paramref name="mode"/> to the session. The three lists together must name every current member
    /// exactly once (a conflict otherwise: the caller's view of the call is out of date), and hold the roles the
    /// mode needs. <paramref name="actor"/> is who asked, for the audit.
    /// </summary>
    public async Task<CallResult<ModeChangeAudit>> ApplyModeAsync(
        string accountId,
        string sessionId,
        CallMode mode,
        IReadOnlyCollection<string> supervisors,
        IReadOnlyCollection<string> agents,
        IReadOnlyCollection<string> customers,
        string actor,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return CallError.Validation("A mode change needs the name of who makes it.");
        }

        var roster = new List<RosterEntry>(customers.Count + agents.Count + supervisors.Count);
        roster.AddRange(customers.Select(id => new RosterEntry(id, CallRole.Customer)));
        roster.AddRange(agents.Select(id => new RosterEntry(id, CallRole.Agent)));
        roster.AddRange(supervisors.Select(id => new RosterEntry(id, CallRole.Supervisor)));

        var plan = CallModePlanner.Plan(sessionId, roster, mode);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        using var sessionLock = await _locks.LockSessionAsync(sessionId, ct);
        var session = await _store.FindSessionAsync(accountId, sessionId, ct);
        if (session is null)
        {
            return Missing.Session(sessionId);
        }

        var members = await _store.GetMembersAsync(sessionId, ct);
        if (CallRules.CheckRosterMatchesMembers(sessionId, roster, members) is { } rosterError)
        {
            return rosterError;
        }

        var from = session.Mode;
        foreach (var member in members)
        {
            member.SetSubscriptions(plan.Value[member.Id]);
        }

        session.SetMode(mode);
        await _store.SaveChangesAsync(ct);

        Membership.ApplyEdges(_router, sessionId, members);

        // Committed and applied: the record must not be lost because the caller stopped waiting.
        var entry = new ModeChangeAudit(accountId, sessionId, from, mode, actor, _time.GetUtcNow());
        await _audit.RecordAsync(entry, CancellationToken.None);
        CallControlLog.ModeChanged(_logger, sessionId, from?.ToString() ?? "none", mode, actor);
        _events?.RaiseModeChanged(new ModeChangedEvent(sessionId, mode, [.. supervisors], [.. agents], [.. customers], actor));
        return entry;
    }
}
