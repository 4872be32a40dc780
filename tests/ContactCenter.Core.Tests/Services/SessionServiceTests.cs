using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using static ContactCenter.Core.Tests.TestDoubles.CallHarness;

namespace ContactCenter.Core.Tests.Services;

/// <summary>Sessions themselves; membership and subscriptions are in the partial files beside this one.</summary>
public sealed partial class SessionServiceTests
{
    private readonly CallHarness _h = new();

    [Fact]
    public async Task CreateAsync_ValidTag_StoresTheSessionStampedByTheClock()
    {
        var session = Assertions.Succeeds(await _h.Sessions.CreateAsync(AccountId, "queue-1"));

        Assert.Equal("queue-1", session.Tag);
        Assert.Equal(_h.Time.Now, session.CreatedAt);
        Assert.Contains(session, _h.Store.Sessions);
        Assert.Equal(1, _h.Store.SaveCount);
    }

    [Fact]
    public async Task CreateAsync_TagTooLong_FailsValidationAndStoresNothing()
    {
        Assertions.Fails(await _h.Sessions.CreateAsync(AccountId, new string('t', 51)), CallErrorKind.Validation);

        Assert.Empty(_h.Store.Sessions);
        Assert.Equal(0, _h.Store.SaveCount);
    }

    [Fact]
    public async Task CreateAsync_UnknownAccount_IsNotFound() =>
        Assertions.Fails(await _h.Sessions.CreateAsync("nobody", null), CallErrorKind.NotFound);

    [Fact]
    public async Task GetAsync_SessionOfAnotherAccount_IsNotFound()
    {
        var session = _h.NewSession(accountId: OtherAccountId);

        Assertions.Fails(await _h.Sessions.GetAsync(AccountId, session.Id), CallErrorKind.NotFound);
    }

    [Fact]
    public async Task ListMembersAsync_Members_InJoinOrder()
    {
        var session = _h.NewSession();
        _h.Member(session, "z");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        _h.Member(session, "a");
        _h.NewParticipant("outsider");

        var members = Assertions.Succeeds(await _h.Sessions.ListMembersAsync(AccountId, session.Id));

        Assert.Equal(["z", "a"], members.Select(m => m.Id));
    }

    [Fact]
    public async Task DeleteAsync_Session_MembersLeaveAndRouterDropsIt()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a", Subscriptions.WholeSession(session.Id));
        var b = _h.Member(session, "b");

        Assertions.Succeeds(await _h.Sessions.DeleteAsync(AccountId, session.Id));

        Assert.Empty(_h.Store.Sessions);
        Assert.All([a, b], p => Assert.Null(p.SessionId));
        Assert.Same(Subscriptions.None, a.Subscriptions);
        Assert.Contains(a, _h.Store.Participants);
        Assert.Equal([session.Id], _h.Router.RemovedSessions);
        Assert.Equal(1, _h.Store.SaveCount);
    }

    [Fact]
    public async Task DeleteAsync_UnknownSession_IsNotFound()
    {
        Assertions.Fails(await _h.Sessions.DeleteAsync(AccountId, "nope"), CallErrorKind.NotFound);

        Assert.Empty(_h.Router.RemovedSessions);
    }
}
