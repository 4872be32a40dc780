using ContactCenter.Core.Domain;

namespace ContactCenter.Core.Routing;

/// <summary>
/// Turns the subscriptions of a session's current members into the forwarding edges the media router applies.
/// Pure: it is recomputed from the whole membership on every change, which is what makes a session-level
/// subscription include future members and a subscription to a non-member take effect when it joins.
/// </summary>
public static class SubscriptionResolver
{
    /// <summary>The edges of a session whose current members are <paramref name="members"/>.</summary>
    public static IReadOnlyList<ForwardingEdge> Resolve(IEnumerable<Participant> members) =>
        Resolve(members.Select(m => KeyValuePair.Create(m.Id, m.Subscriptions)));

    /// <summary>
    /// The edges of a session whose current members are the keys of <paramref name="members"/>, each with
    /// what it subscribes to. Rules:
    /// a session-level subscription (session id, no participants) receives every other member;
    /// a non-empty participant list overrides it;
    /// no stream aliases means every stream (<see cref="ForwardingEdge.AnyAlias"/>);
    /// a named participant that is not a member yields no edge;
    /// nobody receives itself;
    /// duplicates collapse, and an any-alias edge absorbs the named-alias edges of the same pair.
    /// The result is sorted by subscriber, publisher, then alias (ordinal), so equal inputs give equal lists.
    /// </summary>
    public static IReadOnlyList<ForwardingEdge> Resolve(IEnumerable<KeyValuePair<string, Subscriptions>> members)
    {
        var subscribers = members.ToList();
        var memberIds = new HashSet<string>(subscribers.Count, StringComparer.Ordinal);
        foreach (var (id, _) in subscribers)
        {
            memberIds.Add(id);
        }

        var edges = new HashSet<ForwardingEdge>();
        foreach (var (subscriber, subscriptions) in subscribers)
        {
            AddEdges(subscriber, subscriptions, memberIds, edges);
        }

        var result = new List<ForwardingEdge>(edges.Count);
        foreach (var edge in edges)
        {
            if (edge.StreamAlias == ForwardingEdge.AnyAlias || !edges.Contains(edge with { StreamAlias = ForwardingEdge.AnyAlias }))
            {
                result.Add(edge);
            }
        }

        result.Sort(Compare);
        return result;
    }

    private static void AddEdges(string subscriber, Subscriptions subscriptions, HashSet<string> memberIds, HashSet<ForwardingEdge> edges)
    {
        // Stored subscriptions come through the rules, but a null list must still mean "none", never a crash.
        var named = subscriptions.Participants ?? [];
        if (named.Count == 0)
        {
            if (subscriptions.SessionId is null)
            {
                return;
            }

            foreach (var publisher in memberIds)
            {
                if (publisher != subscriber)
                {
                    edges.Add(new ForwardingEdge(publisher, ForwardingEdge.AnyAlias, subscriber));
                }
            }

            return;
        }

        foreach (var entry in named)
        {
            var publisher = entry.ParticipantId;
            if (publisher == subscriber || !memberIds.Contains(publisher))
            {
                continue;
            }

            var aliases = entry.StreamAliases ?? [];
            if (aliases.Count == 0)
            {
                edges.Add(new ForwardingEdge(publisher, ForwardingEdge.AnyAlias, subscriber));
                continue;
            }

            foreach (var alias in aliases)
            {
                edges.Add(new ForwardingEdge(publisher, alias, subscriber));
            }
        }
    }

    private static int Compare(ForwardingEdge x, ForwardingEdge y)
    {
        var order = string.CompareOrdinal(x.SubscriberId, y.SubscriberId);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.PublisherId, y.PublisherId);
        }

        return order != 0 ? order : string.CompareOrdinal(x.StreamAlias, y.StreamAlias);
    }
}
