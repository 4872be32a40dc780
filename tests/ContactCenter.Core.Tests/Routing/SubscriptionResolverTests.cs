using ContactCenter.Core.Domain;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Tests.TestDoubles;

namespace ContactCenter.Core.Tests.Routing;

public sealed class SubscriptionResolverTests
{
    private const string SessionId = "session";

    [Fact]
    public void Resolve_SessionLevel_ReceivesEveryOtherMember()
    {
        var members = Members(("a", Subscriptions.WholeSession(SessionId)), ("b", Subscriptions.None), ("c", Subscriptions.None));

        Assertions.SameEdges(["b/* -> a", "c/* -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_SessionLevel_IncludesAMemberThatJoinsLater()
    {
        var members = Members(("a", Subscriptions.WholeSession(SessionId)), ("b", Subscriptions.None));
        Assertions.SameEdges(["b/* -> a"], Edges(members));

        members["d"] = Subscriptions.None;

        Assertions.SameEdges(["b/* -> a", "d/* -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_EveryoneSessionLevel_IsAFullMeshWithoutSelfEdges()
    {
        var members = Members(
            ("a", Subscriptions.WholeSession(SessionId)), ("b", Subscriptions.WholeSession(SessionId)), ("c", Subscriptions.WholeSession(SessionId)));

        Assertions.SameEdges(["b/* -> a", "c/* -> a", "a/* -> b", "c/* -> b", "a/* -> c", "b/* -> c"], Edges(members));
    }

    [Fact]
    public void Resolve_ParticipantsNamed_OverrideTheSessionLevel()
    {
        var members = Members(("a", new Subscriptions(SessionId, [new("b")])), ("b", Subscriptions.None), ("c", Subscriptions.None));

        Assertions.SameEdges(["b/* -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_NamedNonMember_YieldsNoEdgeUntilItJoins()
    {
        var members = Members(("a", new Subscriptions(null, [new("b")])));
        Assert.Empty(Edges(members));

        members["b"] = Subscriptions.None;

        Assertions.SameEdges(["b/* -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_SubscriptionToItself_IsIgnored()
    {
        var members = Members(("a", new Subscriptions(null, [new("a"), new("b")])), ("b", Subscriptions.None));

        Assertions.SameEdges(["b/* -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_StreamAliases_GiveOneEdgePerAlias()
    {
        var members = Members(("a", new Subscriptions(null, [new("b", ["microphone", "camera"])])), ("b", Subscriptions.None));

        Assertions.SameEdges(["b/camera -> a", "b/microphone -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_EmptyOrNullAliases_MeanEveryStream()
    {
        var members = Members(
            ("a", new Subscriptions(null, [new("b", [])])),
            ("b", new Subscriptions(null, [new ParticipantSubscription("a", null!)])));

        Assertions.SameEdges(["b/* -> a", "a/* -> b"], Edges(members));
    }

    [Fact]
    public void Resolve_Duplicates_Collapse()
    {
        var members = Members(
            ("a", new Subscriptions(null, [new("b", ["microphone"]), new("b", ["microphone"]), new("c"), new("c")])),
            ("b", Subscriptions.None),
            ("c", Subscriptions.None));

        Assertions.SameEdges(["b/microphone -> a", "c/* -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_AnyAliasAndNamedAliasForOnePair_KeepsOnlyTheAnyAliasEdge()
    {
        var members = Members(("a", new Subscriptions(null, [new("b", ["microphone"]), new("b")])), ("b", Subscriptions.None));

        Assertions.SameEdges(["b/* -> a"], Edges(members));
    }

    [Fact]
    public void Resolve_None_YieldsNothing()
    {
        var members = Members(("a", Subscriptions.None), ("b", Subscriptions.None));

        Assert.Empty(Edges(members));
    }

    [Fact]
    public void Resolve_InputOrder_DoesNotChangeTheOutput()
    {
        (string, Subscriptions)[] members =
        [
            ("b", Subscriptions.WholeSession(SessionId)),
            ("a", new Subscriptions(null, [new("c", ["z", "m"]), new("b")])),
            ("c", new Subscriptions(null, [new("a")])),
        ];

        var forward = SubscriptionResolver.Resolve(Members(members));
        var backward = SubscriptionResolver.Resolve(Members(members.Reverse().ToArray()));

        Assert.Equal(forward, backward);
        Assert.Equal(["b/* -> a", "c/m -> a", "c/z -> a", "a/* -> b", "c/* -> b", "a/* -> c"], CallHarness.Text(forward));
    }

    [Fact]
    public void Resolve_Participants_UsesEachMembersStoredSubscriptions()
    {
        var a = new Participant("a", "acct", [PublishPermission.Audio], null, null, "V3", DateTimeOffset.UnixEpoch);
        var b = new Participant("b", "acct", [PublishPermission.Audio], null, null, "V3", DateTimeOffset.UnixEpoch);
        a.SetSubscriptions(new Subscriptions(null, [new("b", ["camera"])]));

        Assertions.SameEdges(["b/camera -> a"], CallHarness.Text(SubscriptionResolver.Resolve([a, b])));
    }

    private static Dictionary<string, Subscriptions> Members(params (string Id, Subscriptions Subscriptions)[] members) =>
        members.ToDictionary(m => m.Id, m => m.Subscriptions);

    private static string[] Edges(Dictionary<string, Subscriptions> members) => CallHarness.Text(SubscriptionResolver.Resolve(members));
}
