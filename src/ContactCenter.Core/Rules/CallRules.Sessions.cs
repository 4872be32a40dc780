using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.Rules;

/// <summary>Membership and subscription rules.</summary>
public static partial class CallRules
{
    /// <summary>
    /// Most distinct participants one Subscriptions body may name. A session has at most 20 members; the rest is room
    /// for participants that join later. Each non-member named costs a store lookup, so the list must be bounded.
    /// </summary>
    public const int MaxSubscribedParticipants = 100;

    /// <summary>Most entries in one Subscriptions body (the same participant may appear more than once; they merge).</summary>
    public const int MaxSubscriptionEntries = 400;

    /// <summary>Most distinct stream aliases subscribed from one participant (it publishes a handful: microphone, camera, screenShare).</summary>
    public const int MaxStreamAliasesPerParticipant = 16;

    /// <summary>Longest stream alias.</summary>
    public const int MaxStreamAliasLength = 64;

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
        if (entries.Count > MaxSubscriptionEntries)
        {
            return CallError.Validation($"Subscriptions may have at most {MaxSubscriptionEntries} participant entries; this one has {entries.Count}.");
        }

        // Insertion order of first appearance; a null alias list stands for "all streams" and absorbs named ones.
        var order = new List<string>();
        var aliasesOf = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null || string.IsNullOrWhiteSpace(entry.ParticipantId))
            {
                return CallError.Validation($"participants[{i}].participantId is required.");
            }

            var aliases = entry.StreamAliases ?? [];
            if (aliases.Count > MaxStreamAliasesPerParticipant)
            {
                return CallError.Validation(
                    $"participants[{i}].streamAliases may name at most {MaxStreamAliasesPerParticipant} stream aliases; it has {aliases.Count}.");
            }

            for (var j = 0; j < aliases.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(aliases[j]))
                {
                    return CallError.Validation($"participants[{i}].streamAliases[{j}] must not be blank.");
                }

                if (aliases[j].Length > MaxStreamAliasLength)
                {
                    return CallError.Validation(
                        $"participants[{i}].streamAliases[{j}] must be at most {MaxStreamAliasLength} characters; it has {aliases[j].Length}.");
                }
            }

            if (!aliasesOf.TryGetValue(entry.ParticipantId, out var known))
            {
                if (order.Count == MaxSubscribedParticipants)
                {
                    return CallError.Validation($"Subscriptions may name at most {MaxSubscribedParticipants} participants.");
                }

                order.Add(entry.ParticipantId);
                aliasesOf[entry.ParticipantId] = aliases.Count == 0 ? null : aliases.Distinct(StringComparer.Ordinal).ToList();
            }
            else if (known is not null)
            {
                var merged = aliases.Count == 0 ? null : known.Union(aliases, StringComparer.Ordinal).ToList();
                if (merged?.Count > MaxStreamAliasesPerParticipant)
                {
                    return CallError.Validation(
                        $"Subscriptions may name at most {MaxStreamAliasesPerParticipant} stream aliases of participant {entry.ParticipantId}.");
                }

                aliasesOf[entry.ParticipantId] = merged;
            }
        }

        if (order.Count == 0)
        {
            return body.SessionId is null ? Subscriptions.None : Subscriptions.WholeSession(pathSessionId);
        }

        var normalized = order.ConvertAll(id => new ParticipantSubscription(id, aliasesOf[id] ?? []));
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

        // Another account's participant reads exactly like a missing one, so that ids cannot be probed across accounts.
        return found.AccountId == accountId
            ? null
            : CallError.Validation($"Subscriptions name participant {participantId}, which does not exist.");
    }
}
