using ContactCenter.Core.Domain;
using ContactCenter.Core.Routing;

namespace ContactCenter.Core.Services;

/// <summary>Membership steps shared by the services.</summary>
internal static class Membership
{
    /// <summary>
    /// Takes <paramref name="leaving"/> out of its session: its own subscriptions go, and so does every entry of the
    /// other <paramref name="members"/> that names it. Returns the members that remain.
    /// </summary>
    public static List<Participant> Leave(Participant leaving, IReadOnlyList<Participant> members)
    {
        leaving.Leave();
        var remaining = new List<Participant>(members.Count);
        foreach (var member in members)
        {
            if (member.Id == leaving.Id)
            {
                continue;
            }

            var trimmed = member.Subscriptions.Without(leaving.Id);
            if (!ReferenceEquals(trimmed, member.Subscriptions))
            {
                member.SetSubscriptions(trimmed);
            }

            remaining.Add(member);
        }

        return remaining;
    }

    /// <summary>Hands the media router the complete edge set of the session's members, after a commit.</summary>
    public static void ApplyEdges(IMediaRouter router, string sessionId, IEnumerable<Participant> members) =>
        router.Apply(sessionId, SubscriptionResolver.Resolve(members));

    public static string NewId() => Guid.NewGuid().ToString();
}
