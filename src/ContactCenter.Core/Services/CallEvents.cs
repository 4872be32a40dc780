using ContactCenter.Core.CallModes;

namespace ContactCenter.Core.Services;

/// <summary>
/// What the control plane changed, told after the commit, whoever asked (a REST client, the queue, a phone): a
/// session's mode and the roles it gave, or a member that joined or left. A singleton; the call center's projection
/// subscribes, so a change made through the REST API shows on the desks at once. Handlers run on the caller's thread
/// and must not block or take the caller's locks.
/// </summary>
public sealed class CallEvents
{
    public event Action<ModeChangedEvent>? ModeChanged;

    public event Action<MembershipChangedEvent>? MembershipChanged;

    internal void RaiseModeChanged(ModeChangedEvent change) => ModeChanged?.Invoke(change);

    internal void RaiseMembershipChanged(MembershipChangedEvent change) => MembershipChanged?.Invoke(change);
}

/// <summary>A committed mode change: the session, the mode, and the participants in each role of the plan.</summary>
public sealed record ModeChangedEvent(
    string SessionId, CallMode Mode, IReadOnlyList<string> Supervisors, IReadOnlyList<string> Agents, IReadOnlyList<string> Customers, string Actor);

/// <summary>A committed membership change: <paramref name="ParticipantId"/> joined (true) or left (false) the session.</summary>
public sealed record MembershipChangedEvent(string SessionId, string ParticipantId, bool Joined);
