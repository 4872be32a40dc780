using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.Rules;

/// <summary>Membership and subscription rules.</summary>
public static partial class CallRules
{
    /// <summary>
    /// Whether <paramref name="participant"/> may join <paramref name="session"/>, which has
    /// <paramref name="memberCount"/> members now. Joining the session it is already in is allowed (idempotent).
    /// </summary>
    public static CallError? CheckCanJoin(Session session, Participant participant, int memberCount)
    {
        if (participant.AccountId != session.AccountId)
        {
            return CallError.Forbidden($"Participant {participant.Id} belongs to another account than session {session.Id}.");
        }

        if (participant.SessionId == session.Id)
        {
            return null;
        }

        if (participant.SessionId is not null)
        {
            return CallError.Conflict(
                $"Participant {participant.Id} is already in session {participant.SessionId}; a participant can be in only one session at a time.");
        }

        return memberCount >= Session.MaxMembers
            ? CallError.Conflict($"Session {session.Id} is full: it has {memberCount} members and a session may have at most {Session.MaxMembers}.")
            : null;
    }

    /// <summary>
    /// Checks a Subscriptions body sent for the session <paramref name="pathSessionId"/> and returns it in the form
    /// we store: a missing body or list is empty, every participant appears once (an entry without aliases wins,
    /// otherwise the aliases are merged), and an entirely empty body means <see cref="Subscriptions.None"/>.
    /// Whether the named participants exist is checked by <see cref="CheckSubscriptionTarget"/>.
    /// </summary>
    public static CallResult<Subscriptions> NormalizeSubscriptions(string pathSessionId, Subscriptions? body)
    {
        if (body is null)
        {
            return Subscriptions.None;
        }

        if (body.SessionId is not null && body.SessionId != pathSessionId)
        {
            return CallError.Validation($"sessionId \"{body.SessionId}\" must equal the session in the path, \"{pathSessionId}\".");
        }

        // Deserialized bodies may carry nulls where the record's types say otherwise.
        var entries = body.Participants ?? [];
        var merged = new List<(string Id, List<string>? Aliases)>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null || string.IsNullOrWhiteSpace(entry.ParticipantId))
            {
                return CallError.Validation($"participants[{i}].participantId is required.");
            }

            var aliases = entry.StreamAliases ?? [];
            for (var j = 0; j < aliases.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(aliases[j]))
                {
                    return CallError.Validation($"participants[{i}].streamAliases[{j}] must not be blank.");
                }
            }

            var at = merged.FindIndex(m => m.Id == entry.ParticipantId);
            if (at < 0)
            {
                merged.Add((entry.ParticipantId, aliases.Count == 0 ? null : aliases.Distinct(StringComparer.Ordinal).ToList()));
            }
            else if (merged[at].Aliases is { } known)
            {
                // null stands for "all streams" and absorbs any named alias.
                merged[at] = (entry.ParticipantId, aliases.Count == 0 ? null : known.Union(aliases, StringComparer.Ordinal).ToList());
            }
        }

        if (merged.Count == 0)
        {
            return body.SessionId is null ? Subscriptions.None : Subscriptions.WholeSession(pathSessionId);
        }

        var normalized = merged.ConvertAll(m => new ParticipantSubscription(m.Id, m.Aliases ?? []));
        return new Subscriptions(body.SessionId, normalized);
    }

    /// <summary>
    /// A subscription of account <paramref name="accountId"/> may name only that account's participants.
    /// <paramref name="found"/> is the participant looked up by id across all accounts (null when none).
    /// It need not be a member yet: the subscription takes effect when it joins.
    /// </summary>
    public static CallError? CheckSubscriptionTarget(string accountId, string participantId, Participant? found)
    {
        if (found is null)
        {
            return CallError.Validation($"Subscriptions name participant {participantId}, which does not exist.");
        }

        return found.AccountId == accountId
            ? null
            : CallError.Forbidden($"Subscriptions name participant {participantId}, which account {accountId} has no access to.");
    }
}
