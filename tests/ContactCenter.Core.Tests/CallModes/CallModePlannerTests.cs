using ContactCenter.Core.CallModes;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using static ContactCenter.Core.CallModes.CallRole;

namespace ContactCenter.Core.Tests.CallModes;

/// <summary>
/// Each mode is checked by its whole edge set: the planner's subscriptions resolved as the router would see them.
/// Edges read "publisher/alias -> subscriber". Roster: customer c, agent a, supervisor s (and s2, a2, c2 where named).
/// </summary>
public sealed class CallModePlannerTests
{
    private const string SessionId = "session";

    private static readonly RosterEntry[] _canonical = [new("c", Customer), new("a", Agent), new("s", Supervisor)];

    private static readonly RosterEntry[] _twoSupervisors = [.. _canonical, new("s2", Supervisor)];

    private static readonly RosterEntry[] _everyRoleTwice =
        [new("c", Customer), new("c2", Customer), new("a", Agent), new("a2", Agent), new("s", Supervisor), new("s2", Supervisor)];

    /// <summary>The table of src/ContactCenter.Core/CallModes/README.md, one row per mode, for one customer, one agent and one supervisor.</summary>
    public static TheoryData<CallMode, string[]> CanonicalTable => new()
    {
        { CallMode.FullyWired, ["a/* -> c", "s/* -> c", "c/* -> a", "s/* -> a", "c/* -> s", "a/* -> s"] },
        { CallMode.Monitor, ["a/* -> c", "c/* -> a", "c/* -> s", "a/* -> s"] },
        { CallMode.Whisper, ["a/* -> c", "c/* -> a", "s/microphone -> a", "c/* -> s", "a/* -> s"] },
        { CallMode.GroupWhisper, ["a/* -> c", "c/* -> a", "s/* -> a", "c/* -> s", "a/* -> s"] },
        { CallMode.Barge, ["a/* -> c", "s/* -> c", "c/* -> a", "s/* -> a", "c/* -> s", "a/* -> s"] },
        { CallMode.TakeOver, ["s/* -> c", "c/* -> s"] },
        { CallMode.Consult, ["s/* -> a", "a/* -> s"] },
    };

    /// <summary>
    /// The same with a second supervisor: supervisors hear each other wherever a supervisor speaks, never in Monitor.
    /// </summary>
    public static TheoryData<CallMode, string[]> TwoSupervisorTable => new()
    {
        {
            CallMode.FullyWired,
            ["a/* -> c", "s/* -> c", "s2/* -> c", "c/* -> a", "s/* -> a", "s2/* -> a",
             "c/* -> s", "a/* -> s", "s2/* -> s", "c/* -> s2", "a/* -> s2", "s/* -> s2"]
        },
        { CallMode.Monitor, ["a/* -> c", "c/* -> a", "c/* -> s", "a/* -> s", "c/* -> s2", "a/* -> s2"] },
        {
            CallMode.Whisper,
            ["a/* -> c", "c/* -> a", "s/microphone -> a", "s2/microphone -> a",
             "c/* -> s", "a/* -> s", "s2/* -> s", "c/* -> s2", "a/* -> s2", "s/* -> s2"]
        },
        {
            CallMode.GroupWhisper,
            ["a/* -> c", "c/* -> a", "s/* -> a", "s2/* -> a", "c/* -> s", "a/* -> s", "s2/* -> s", "c/* -> s2", "a/* -> s2", "s/* -> s2"]
        },
        {
            CallMode.Barge,
            ["a/* -> c", "s/* -> c", "s2/* -> c", "c/* -> a", "s/* -> a", "s2/* -> a",
             "c/* -> s", "a/* -> s", "s2/* -> s", "c/* -> s2", "a/* -> s2", "s/* -> s2"]
        },
        { CallMode.TakeOver, ["s/* -> c", "s2/* -> c", "c/* -> s", "s2/* -> s", "c/* -> s2", "s/* -> s2"] },
        { CallMode.Consult, ["s/* -> a", "s2/* -> a", "a/* -> s", "s2/* -> s", "a/* -> s2", "s/* -> s2"] },
    };

    public static TheoryData<CallMode> AllModes => new(Enum.GetValues<CallMode>());

    [Theory]
    [MemberData(nameof(CanonicalTable))]
    public void Plan_CanonicalRoster_ResolvesToExactlyTheTableRow(CallMode mode, string[] expected) =>
        Assertions.SameEdges(expected, Edges(_canonical, mode));

    [Theory]
    [MemberData(nameof(TwoSupervisorTable))]
    public void Plan_TwoSupervisors_ResolvesToExactlyTheTableRow(CallMode mode, string[] expected) =>
        Assertions.SameEdges(expected, Edges(_twoSupervisors, mode));

    [Fact]
    public void Plan_GroupWhisperWithTwoAgents_AgentsHearEachOtherAndTheSupervisor()
    {
        RosterEntry[] roster = [new("c", Customer), new("a", Agent), new("a2", Agent), new("s", Supervisor)];

        Assertions.SameEdges(
            [
                "a/* -> c", "a2/* -> c",
                "c/* -> a", "a2/* -> a", "s/* -> a",
                "c/* -> a2", "a/* -> a2", "s/* -> a2",
                "c/* -> s", "a/* -> s", "a2/* -> s",
            ],
            Edges(roster, CallMode.GroupWhisper));
    }

    [Theory]
    [InlineData(CallMode.FullyWired, true, true)]
    [InlineData(CallMode.Monitor, true, true)]
    [InlineData(CallMode.Whisper, true, true)]
    [InlineData(CallMode.GroupWhisper, true, true)]
    [InlineData(CallMode.Barge, true, true)]
    [InlineData(CallMode.TakeOver, true, false)]
    [InlineData(CallMode.Consult, false, true)]
    public void Plan_PeersOfOneRole_HearEachOtherUnlessOnHoldOrReplaced(CallMode mode, bool customersHearEachOther, bool agentsHearEachOther)
    {
        var edges = Edges(_everyRoleTwice, mode);

        Assert.Equal(customersHearEachOther, edges.Contains("c2/* -> c") && edges.Contains("c/* -> c2"));
        Assert.Equal(agentsHearEachOther, edges.Contains("a2/* -> a") && edges.Contains("a/* -> a2"));
    }

    [Fact]
    public void Plan_Monitor_NoEdgeEverLeavesAnySupervisor()
    {
        var edges = SubscriptionResolver.Resolve(Plan(_everyRoleTwice, CallMode.Monitor));

        Assert.NotEmpty(edges);
        Assert.DoesNotContain(edges, e => e.PublisherId is "s" or "s2");
    }

    [Theory]
    [InlineData(CallMode.Whisper)]
    [InlineData(CallMode.GroupWhisper)]
    public void Plan_Whispers_CustomerNeverReceivesAnySupervisor(CallMode mode)
    {
        var edges = SubscriptionResolver.Resolve(Plan(_everyRoleTwice, mode));

        Assert.DoesNotContain(edges, e => e.SubscriberId is "c" or "c2" && e.PublisherId is "s" or "s2");
    }

    [Fact]
    public void Plan_Whisper_AgentReceivesOnlyTheSupervisorsMicrophone()
    {
        var edges = SubscriptionResolver.Resolve(Plan(_twoSupervisors, CallMode.Whisper));

        var fromSupervisorsToAgent = edges.Where(e => e.SubscriberId == "a" && e.PublisherId is "s" or "s2").ToList();
        Assert.Equal(2, fromSupervisorsToAgent.Count);
        Assert.All(fromSupervisorsToAgent, e => Assert.Equal(CallModePlanner.WhisperAlias, e.StreamAlias));
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void Plan_AnyMode_GivesEveryMemberAnExplicitSetAndNobodyItself(CallMode mode)
    {
        var plan = Plan(_everyRoleTwice, mode);

        Assert.Equal(_everyRoleTwice.Select(r => r.ParticipantId).Order(), plan.Keys.Order());
        foreach (var (id, subscriptions) in plan)
        {
            // Never session-level: a later joiner must not be heard before a mode names it.
            Assert.False(subscriptions.IsWholeSession, $"{id} got a session-level subscription");
            Assert.DoesNotContain(subscriptions.Participants, p => p.ParticipantId == id);
            if (subscriptions.Participants.Count > 0)
            {
                Assert.Equal(SessionId, subscriptions.SessionId);
            }
        }
    }

    [Fact]
    public void Plan_ReceiverOfNothing_GetsNoneNotTheWholeSession()
    {
        var plan = Plan(_canonical, CallMode.TakeOver);

        Assert.Same(Subscriptions.None, plan["a"]);
    }

    [Fact]
    public void Plan_LaterJoiner_IsHeardByNobodyUntilTheNextPlan()
    {
        var members = Plan(_canonical, CallMode.FullyWired).ToDictionary();
        members["late"] = Subscriptions.None;

        Assert.DoesNotContain(SubscriptionResolver.Resolve(members), e => e.PublisherId == "late" || e.SubscriberId == "late");
    }

    [Theory]
    [InlineData(CallMode.Monitor, Customer)]
    [InlineData(CallMode.Monitor, Agent)]
    [InlineData(CallMode.Whisper, Supervisor)]
    [InlineData(CallMode.Whisper, Customer)]
    [InlineData(CallMode.GroupWhisper, Agent)]
    [InlineData(CallMode.Barge, Supervisor)]
    [InlineData(CallMode.TakeOver, Supervisor)]
    [InlineData(CallMode.TakeOver, Customer)]
    [InlineData(CallMode.Consult, Supervisor)]
    [InlineData(CallMode.Consult, Agent)]
    public void Plan_RequiredRoleMissing_FailsValidationNamingTheRole(CallMode mode, CallRole missing)
    {
        var roster = _canonical.Where(r => r.Role != missing).ToList();

        var error = Assertions.Fails(CallModePlanner.Plan(SessionId, roster, mode), CallErrorKind.Validation);

        Assert.Contains(missing.ToString(), error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(CallMode.FullyWired, Customer)]
    [InlineData(CallMode.Monitor, Supervisor)]
    [InlineData(CallMode.TakeOver, Agent)]
    [InlineData(CallMode.Consult, Customer)]
    public void Plan_OptionalRoleMissing_Succeeds(CallMode mode, CallRole absent) =>
        Assertions.Succeeds(CallModePlanner.Plan(SessionId, _canonical.Where(r => r.Role != absent).ToList(), mode));

    [Fact]
    public void Plan_ParticipantNamedTwice_FailsValidation()
    {
        RosterEntry[] roster = [.. _canonical, new("a", Supervisor)];

        var error = Assertions.Fails(CallModePlanner.Plan(SessionId, roster, CallMode.Whisper), CallErrorKind.Validation);

        Assert.Contains("a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MoreThanTwentyMembers_FailsValidation()
    {
        var roster = Enumerable.Range(0, Session.MaxMembers + 1).Select(i => new RosterEntry($"p{i}", i == 0 ? Customer : Agent)).ToList();

        Assertions.Fails(CallModePlanner.Plan(SessionId, roster, CallMode.FullyWired), CallErrorKind.Validation);
    }

    [Fact]
    public void Plan_TwentyMembersWithSeveralSupervisors_Succeeds()
    {
        var roster = Enumerable.Range(0, Session.MaxMembers)
            .Select(i => new RosterEntry($"p{i}", i switch { 0 => Customer, 1 => Agent, _ => Supervisor }))
            .ToList();

        Assert.Equal(20, Assertions.Succeeds(CallModePlanner.Plan(SessionId, roster, CallMode.Monitor)).Count);
    }

    [Fact]
    public void Plan_BlankParticipantId_FailsValidation() =>
        Assertions.Fails(CallModePlanner.Plan(SessionId, [.. _canonical, new(" ", Agent)], CallMode.Barge), CallErrorKind.Validation);

    [Fact]
    public void Plan_UnknownMode_FailsValidation() =>
        Assertions.Fails(CallModePlanner.Plan(SessionId, _canonical, (CallMode)99), CallErrorKind.Validation);

    private static IReadOnlyDictionary<string, Subscriptions> Plan(IReadOnlyList<RosterEntry> roster, CallMode mode) =>
        Assertions.Succeeds(CallModePlanner.Plan(SessionId, roster, mode));

    private static string[] Edges(IReadOnlyList<RosterEntry> roster, CallMode mode) =>
        CallHarness.Text(SubscriptionResolver.Resolve(Plan(roster, mode)));
}
