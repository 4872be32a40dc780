using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using static ContactCenter.Core.Tests.TestDoubles.CallHarness;

namespace ContactCenter.Core.Tests.Services;

public sealed partial class SessionServiceTests
{
    [Fact]
    public async Task ReplaceSubscriptionsAsync_NewSet_ReplacesTheWholeSet()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a", new Subscriptions(session.Id, [new("b"), new("c")]));
        _h.Member(session, "b");
        _h.Member(session, "c");

        Assertions.Succeeds(await _h.Sessions.ReplaceSubscriptionsAsync(AccountId, session.Id, a.Id, new Subscriptions(session.Id, [new("c", ["camera"])])));

        Assert.Equal(["c/camera -> a"], _h.Router.CurrentEdges(session.Id));
        var stored = Assertions.Succeeds(await _h.Sessions.GetSubscriptionsAsync(AccountId, session.Id, a.Id));
        Assert.Equal("c", Assert.Single(stored.Participants).ParticipantId);
    }

    [Fact]
    public async Task ReplaceSubscriptionsAsync_EmptyBody_RemovesAll()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a", Subscriptions.WholeSession(session.Id));
        _h.Member(session, "b");

        Assertions.Succeeds(await _h.Sessions.ReplaceSubscriptionsAsync(AccountId, session.Id, a.Id, new Subscriptions(null, [])));

        Assert.Same(Subscriptions.None, a.Subscriptions);
        Assert.Empty(Assert.Single(_h.Router.Applied).Edges);
    }

    [Fact]
    public async Task ReplaceSubscriptionsAsync_InvalidBody_ChangesNothing()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a", Subscriptions.WholeSession(session.Id));
        var before = _h.Store.Snapshot();

        Assertions.Fails(
            await _h.Sessions.ReplaceSubscriptionsAsync(AccountId, session.Id, a.Id, new Subscriptions(null, [new("b", [" "])])),
            CallErrorKind.Validation);

        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Router.Applied);
    }

    [Fact]
    public async Task GetSubscriptionsAsync_NotAMember_IsNotFound()
    {
        var session = _h.NewSession();
        var participant = _h.NewParticipant();

        Assertions.Fails(await _h.Sessions.GetSubscriptionsAsync(AccountId, session.Id, participant.Id), CallErrorKind.NotFound);
    }
}
