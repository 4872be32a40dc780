using ContactCenter.Core.CallModes;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.Rules;

/// <summary>Rules for a call mode's roster.</summary>
public static partial class CallRules
{
    private static readonly CallRole[] _none = [];
    private static readonly CallRole[] _customerAndAgent = [CallRole.Customer, CallRole.Agent];
    private static readonly CallRole[] _allRoles = [CallRole.Customer, CallRole.Agent, CallRole.Supervisor];
    private static readonly CallRole[] _customerAndSupervisor = [CallRole.Customer, CallRole.Supervisor];
    private static readonly CallRole[] _agentAndSupervisor = [CallRole.Agent, CallRole.Supervisor];

    /// <summary>
    /// The roles a mode cannot work without. Monitor needs no supervisor (the call goes on as agent and customer);
    /// take over needs no agent (it may have left); consult needs no customer (it is on hold, or gone).
    /// </summary>
    public static IReadOnlyList<CallRole> RequiredRoles(CallMode mode) => mode switch
    {
        CallMode.FullyWired => _none,
        CallMode.Monitor => _customerAndAgent,
        CallMode.Whisper or CallMode.GroupWhisper or CallMode.Barge => _allRoles,
        CallMode.TakeOver => _customerAndSupervisor,
        CallMode.Consult => _agentAndSupervisor,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>
    /// A roster names each participant once with a known role, fits in one session, and has the roles
    /// <paramref name="mode"/> needs.
    /// </summary>
    public static CallError? CheckRoster(IReadOnlyList<RosterEntry> roster, CallMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            return CallError.Validation($"Unknown call mode {(int)mode}.");
        }

        if (roster.Count > Session.MaxMembers)
        {
            return CallError.Validation($"A call has at most {Session.MaxMembers} members; the roster names {roster.Count}.");
        }

        var roles = new Dictionary<string, CallRole>(StringComparer.Ordinal);
        foreach (var (participantId, role) in roster)
        {
            if (string.IsNullOrWhiteSpace(participantId))
            {
                return CallError.Validation("Every roster entry needs a participant id.");
            }

            if (!Enum.IsDefined(role))
            {
                return CallError.Validation($"Participant {participantId} has an unknown role {(int)role}.");
            }

            if (!roles.TryAdd(participantId, role))
            {
                return CallError.Validation(
                    $"Participant {participantId} is named twice in the roster (as {roles[participantId]} and {role}); give each member one role.");
            }
        }

        foreach (var required in RequiredRoles(mode))
        {
            if (!roles.ContainsValue(required))
            {
                return CallError.Validation($"{mode} needs at least one {required.ToString().ToLowerInvariant()} in the roster.");
            }
        }

        return null;
    }

    /// <summary>
    /// A mode change gives every current member a role and names nobody else. Someone who joined since the
    /// caller looked would otherwise keep subscriptions no mode planned, so a mismatch is a conflict to refresh.
    /// </summary>
    public static CallError? CheckRosterMatchesMembers(string sessionId, IReadOnlyList<RosterEntry> roster, IReadOnlyCollection<Participant> members)
    {
        var memberIds = new HashSet<string>(members.Count, StringComparer.Ordinal);
        foreach (var member in members)
        {
            memberIds.Add(member.Id);
        }

        foreach (var entry in roster)
        {
            if (!memberIds.Remove(entry.ParticipantId))
            {
                return CallError.Conflict($"Participant {entry.ParticipantId} is not a member of session {sessionId}.");
            }
        }

        return memberIds.Count == 0
            ? null
            : CallError.Conflict(
                $"Member {memberIds.Min(StringComparer.Ordinal)} of session {sessionId} has no role; a mode change must give every member a role.");
    }
}
