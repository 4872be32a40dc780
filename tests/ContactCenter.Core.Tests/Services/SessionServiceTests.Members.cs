using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using static ContactCenter.Core.Tests.TestDoubles.CallHarness;

namespace ContactCenter.Core.Tests.Services;

public sealed partial class SessionServiceTests
{
    [Fact]
    public async Task AddMemberAsync_FreeParticipant_JoinsAndRouterGetsTheEdges()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a");
        var b = _h.NewParticipant("b");

        Assertions.Succeeds(await _h.Sessions.AddMemberAsync(AccountId, session.Id, b.Id, Subscriptions.WholeSession(session.Id)));

        Assert.Equal(session.Id, b.SessionId);
        Assert.Equal(_h.Time.Now, b.JoinedAt);
        Assert.Equal(1, _h.Store.SaveCount);
        var applied = Assert.Single(_h.Router.Applied);
        Assert.Equal(session.Id, applied.SessionId);
        Assert.Equal(["a/* -> b"], Text(applied.Edges));
        Assert.Equal(a.Id, Assert.Single(applied.Edges).PublisherId);
    }

    [Fact]
    public async Task AddMemberAsync_TwentyFirstMember_IsConflictAndChangesNothing()
    {
        var session = _h.NewSession();
        for (var i = 0; i < Session.MaxMembers; i++)
        {
            _h.Member(session);
        }

        var late = _h.NewParticipant("late");
        var before = _h.Store.Snapshot();

        var error = Assertions.Fails(await _h.Sessions.AddMemberAsync(AccountId, session.Id, late.Id, null), CallErrorKind.Conflict);

        Assert.Contains("full", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Router.Applied);
    }

    [Fact]
    public async Task AddMemberAsync_ParticipantInAnotherSession_IsConflictAndChangesNothing()
    {
        var first = _h.NewSession("first");
        var second = _h.NewSession("second");
        var participant = _h.Member(first);
        var before = _h.Store.Snapshot();

        Assertions.Fails(await _h.Sessions.AddMemberAsync(AccountId, second.Id, participant.Id, null), CallErrorKind.Conflict);

        Assert.Equal(first.Id, participant.SessionId);
        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Router.Applied);
    }

    [Fact]
    public async Task AddMemberAsync_AlreadyMemberWithoutBody_IsIdempotent()
    {
        var session = _h.NewSession();
        var member = _h.Member(session, subscriptions: Subscriptions.WholeSession(session.Id));
        var joinedAt = member.JoinedAt;
        _h.Time.Advance(TimeSpan.FromMinutes(1));

        Assertions.Succeeds(await _h.Sessions.AddMemberAsync(AccountId, session.Id, member.Id, null));

        Assert.Equal(joinedAt, member.JoinedAt);
        Assert.True(member.Subscriptions.IsWholeSession);
        Assert.Equal(0, _h.Store.SaveCount);
    }

    [Fact]
    public async Task AddMemberAsync_AlreadyMemberWithBody_ReplacesItsSubscriptions()
    {
        var session = _h.NewSession();
        var member = _h.Member(session, "a", Subscriptions.WholeSession(session.Id));
        _h.Member(session, "b");
        _h.Member(session, "c");

        Assertions.Succeeds(await _h.Sessions.AddMemberAsync(AccountId, session.Id, member.Id, new Subscriptions(null, [new("c")])));

        Assert.Equal(["c/* -> a"], _h.Router.CurrentEdges(session.Id));
    }

    [Fact]
    public async Task AddMemberAsync_SubscriptionsForAnotherSession_FailValidationAndChangeNothing()
    {
        var session = _h.NewSession();
        var participant = _h.NewParticipant();
        var before = _h.Store.Snapshot();

        Assertions.Fails(
            await _h.Sessions.AddMemberAsync(AccountId, session.Id, participant.Id, Subscriptions.WholeSession("elsewhere")),
            CallErrorKind.Validation);

        Assert.Null(participant.SessionId);
        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Router.Applied);
    }

    [Fact]
    public async Task AddMemberAsync_SubscriptionNamingAnotherAccountsParticipant_IsRefusedAsIfMissingAndChangesNothing()
    {
        var session = _h.NewSession();
        var participant = _h.NewParticipant();
        var foreign = _h.NewParticipant("foreign", OtherAccountId);
        var before = _h.Store.Snapshot();

        Assertions.Fails(
            await _h.Sessions.AddMemberAsync(AccountId, session.Id, participant.Id, new Subscriptions(null, [new(foreign.Id)])),
            CallErrorKind.Validation);

        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Router.Applied);
    }

    [Fact]
    public async Task AddMemberAsync_SubscriptionNamingUnknownParticipant_FailsValidation()
    {
        var session = _h.NewSession();
        var participant = _h.NewParticipant();

        Assertions.Fails(
            await _h.Sessions.AddMemberAsync(AccountId, session.Id, participant.Id, new Subscriptions(null, [new("ghost")])),
            CallErrorKind.Validation);
    }

    [Fact]
    public async Task AddMemberAsync_UnknownSessionOrParticipant_IsNotFound()
    {
        var session = _h.NewSession();
        var participant = _h.NewParticipant();
        var foreign = _h.NewParticipant(accountId: OtherAccountId);

        Assertions.Fails(await _h.Sessions.AddMemberAsync(AccountId, "nope", participant.Id, null), CallErrorKind.NotFound);
        Assertions.Fails(await _h.Sessions.AddMemberAsync(AccountId, session.Id, "nope", null), CallErrorKind.NotFound);
        Assertions.Fails(await _h.Sessions.AddMemberAsync(AccountId, session.Id, foreign.Id, null), CallErrorKind.NotFound);
    }

    [Fact]
    public async Task AddMemberAsync_SessionLevelSubscriber_ReceivesTheNewMember()
    {
        var session = _h.NewSession();
        _h.Member(session, "a", Subscriptions.WholeSession(session.Id));
        var b = _h.NewParticipant("b");

        Assertions.Succeeds(await _h.Sessions.AddMemberAsync(AccountId, session.Id, b.Id, null));

        Assert.Equal(["b/* -> a"], _h.Router.CurrentEdges(session.Id));
    }

    [Fact]
    public async Task AddMemberAsync_NamedBeforeJoining_TakesEffectOnJoin()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a");
        var b = _h.NewParticipant("b");

        Assertions.Succeeds(await _h.Sessions.ReplaceSubscriptionsAsync(AccountId, session.Id, a.Id, new Subscriptions(null, [new(b.Id, ["microphone"])])));
        Assert.Empty(_h.Router.CurrentEdges(session.Id));

        Assertions.Succeeds(await _h.Sessions.AddMemberAsync(AccountId, session.Id, b.Id, null));

        Assert.Equal(["b/microphone -> a"], _h.Router.CurrentEdges(session.Id));
    }

    [Fact]
    public async Task AddMemberAsync_TwoConcurrentJoinsForTheLastSeat_OnlyOneSucceeds()
    {
        var session = _h.NewSession();
        for (var i = 0; i < Session.MaxMembers - 1; i++)
        {
            _h.Member(session);
        }

        var x = _h.NewParticipant("x");
        var y = _h.NewParticipant("y");

        // After reading, hold each join until the other has read too (or 300 ms passed):
        // without the session lock both read 19 members before either commits.
        var arrived = 0;
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Store.AfterGetMembers = async () =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothRead.TrySetResult();
            }

            await Task.WhenAny(bothRead.Task, Task.Delay(300));
        };

        var results = await Task.WhenAll(
            Task.Run(() => _h.Sessions.AddMemberAsync(AccountId, session.Id, x.Id, null)),
            Task.Run(() => _h.Sessions.AddMemberAsync(AccountId, session.Id, y.Id, null)));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal(CallErrorKind.Conflict, Assert.Single(results, r => !r.IsSuccess).Error!.Kind);
        Assert.Equal(Session.MaxMembers, _h.Store.Participants.Count(p => p.SessionId == session.Id));
        Assert.Equal(0, _h.Locks.ActiveCount);
    }

    [Fact]
    public async Task RemoveMemberAsync_Member_LeavesAndOthersStopNamingIt()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a", new Subscriptions(session.Id, [new("b")]));
        var b = _h.Member(session, "b", Subscriptions.WholeSession(session.Id));
        var c = _h.Member(session, "c", new Subscriptions(session.Id, [new("a"), new("b", ["microphone"])]));
        var d = _h.Member(session, "d", new Subscriptions(session.Id, [new("b", ["camera"])]));

        Assertions.Succeeds(await _h.Sessions.RemoveMemberAsync(AccountId, session.Id, b.Id));

        Assert.Null(b.SessionId);
        Assert.Same(Subscriptions.None, b.Subscriptions);
        // a named only b: nothing is left, and that must not widen into the whole session.
        Assert.Same(Subscriptions.None, a.Subscriptions);
        Assert.Equal(["a"], c.Subscriptions.Participants.Select(p => p.ParticipantId));
        Assert.Same(Subscriptions.None, d.Subscriptions);
        Assert.Equal(1, _h.Store.SaveCount);
        Assert.Equal(["a/* -> c"], _h.Router.CurrentEdges(session.Id));
    }

    [Fact]
    public async Task RemoveMemberAsync_RejoinAfterRemoval_IsNotHeardByThoseWhoNamedIt()
    {
        var session = _h.NewSession();
        _h.Member(session, "a", new Subscriptions(session.Id, [new("b"), new("c")]));
        var b = _h.Member(session, "b");
        _h.Member(session, "c");

        Assertions.Succeeds(await _h.Sessions.RemoveMemberAsync(AccountId, session.Id, b.Id));
        Assertions.Succeeds(await _h.Sessions.AddMemberAsync(AccountId, session.Id, b.Id, null));

        Assert.Equal(["c/* -> a"], _h.Router.CurrentEdges(session.Id));
    }

    [Fact]
    public async Task RemoveMemberAsync_NotAMember_IsNotFoundAndChangesNothing()
    {
        var session = _h.NewSession();
        var other = _h.NewSession();
        var participant = _h.Member(other);
        var before = _h.Store.Snapshot();

        Assertions.Fails(await _h.Sessions.RemoveMemberAsync(AccountId, session.Id, participant.Id), CallErrorKind.NotFound);

        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Router.Applied);
    }
}
