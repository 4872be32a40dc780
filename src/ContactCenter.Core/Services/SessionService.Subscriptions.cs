using ContactCenter.Core.Domain;
using ContactCenter.Core.Rules;

namespace ContactCenter.Core.Services;

/// <summary>A member's subscriptions.</summary>
public sealed partial class SessionService
{
    public async Task<CallResult<Subscriptions>> GetSubscriptionsAsync(
        string accountId, string sessionId, string participantId, CancellationToken ct = default)
    {
        var found = await FindMemberAsync(accountId, sessionId, participantId, ct);
        return found.IsSuccess ? found.Value.Member.Subscriptions : found.Error;
    }

    /// <summary>Replaces the member's whole subscription set; a null or empty body removes them all.</summary>
    public async Task<CallResult> ReplaceSubscriptionsAsync(
        string accountId, string sessionId, string participantId, Subscriptions? subscriptions, CancellationToken ct = default)
    {
        // The session lock alone suffices: the participant is a member, and leaving needs this lock too.
        using var sessionLock = await _locks.LockSessionAsync(sessionId, ct);

        var found = await FindMemberAsync(accountId, sessionId, participantId, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (participant, members) = found.Value;
        var normalized = await CheckSubscriptionsAsync(accountId, sessionId, subscriptions, members, ct);
        if (!normalized.IsSuccess)
        {
            return normalized.Error;
        }

        participant.SetSubscriptions(normalized.Value);
        await _store.SaveChangesAsync(ct);

        Membership.ApplyEdges(_router, sessionId, members);
        return CallResult.Success;
    }

    /// <summary>
    /// The body in stored form, once <see cref="CallRules"/> accept it and every participant it names belongs to
    /// the account. Current members are known to; anyone else is looked up.
    /// </summary>
    private async Task<CallResult<Subscriptions>> CheckSubscriptionsAsync(
        string accountId, string sessionId, Subscriptions? body, IReadOnlyList<Participant> members, CancellationToken ct)
    {
        var normalized = CallRules.NormalizeSubscriptions(sessionId, body);
        if (!normalized.IsSuccess)
        {
            return normalized;
        }

        foreach (var entry in normalized.Value.Participants)
        {
            if (members.Any(m => m.Id == entry.ParticipantId))
            {
                continue;
            }

            var found = await _store.FindParticipantAsync(entry.ParticipantId, ct);
            if (CallRules.CheckSubscriptionTarget(accountId, entry.ParticipantId, found) is { } error)
            {
                return error;
            }
        }

        return normalized;
    }
}
