using ContactCenter.Core.CallModes;

namespace ContactCenter.Core.Queue;

/// <summary>
/// An immutable picture of one call for the staff pages. <see cref="CallId"/> is the session id.
/// <see cref="WhisperedAgentIds"/> names the agent participants a supervisor is coaching in the current mode.
/// <see cref="CallerKey"/> identifies the caller across calls (its history), null when unknown.
/// </summary>
public sealed record LiveCallView(
    string CallId,
    string CustomerParticipantId,
    string CustomerName,
    string CustomerTag,
    CallState State,
    DateTimeOffset WaitingSince,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    CallMode Mode,
    IReadOnlyList<CallMember> Agents,
    IReadOnlyList<CallMember> Supervisors,
    IReadOnlyList<string> WhisperedAgentIds,
    int? Position,
    string? CallerKey = null)
{
    public bool HasSupervisor(string userId) => Supervisors.Any(s => s.UserId == userId);

    public bool HasAgent(string userId) => Agents.Any(a => a.UserId == userId);
}
