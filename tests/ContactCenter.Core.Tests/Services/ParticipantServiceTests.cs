using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using static ContactCenter.Core.Tests.TestDoubles.CallHarness;

namespace ContactCenter.Core.Tests.Services;

public sealed class ParticipantServiceTests
{
    private readonly CallHarness _h = new();

    [Fact]
    public async Task CreateAsync_EmptyRequest_DefaultsToAudioVideoAndV2()
    {
        var participant = Assertions.Succeeds(await _h.Participants.CreateAsync(AccountId, new NewParticipant()));

        Assert.Equal([PublishPermission.Audio, PublishPermission.Video], participant.PublishPermissions);
        Assert.Equal("V2", participant.DeviceApiVersion);
        Assert.Equal(AccountId, participant.AccountId);
        Assert.Equal(_h.Time.Now, participant.CreatedAt);
        Assert.Null(participant.SessionId);
        Assert.True(Guid.TryParse(participant.Id, out _));
        Assert.Contains(participant, _h.Store.Participants);
        Assert.Equal(1, _h.Store.SaveCount);
    }

    [Fact]
    public async Task CreateAsync_FullRequest_KeepsEveryField()
    {
        var request = new NewParticipant([PublishPermission.Audio], "agent-7", "https://example.com/cb", "v3");

        var participant = Assertions.Succeeds(await _h.Participants.CreateAsync(AccountId, request));

        Assert.Equal([PublishPermission.Audio], participant.PublishPermissions);
        Assert.Equal("agent-7", participant.Tag);
        Assert.Equal("https://example.com/cb", participant.CallbackUrl);
        Assert.Equal("V3", participant.DeviceApiVersion);
    }

    public static TheoryData<NewParticipant> InvalidRequests => new()
    {
        new NewParticipant(Tag: new string('t', 51)),
        new NewParticipant([PublishPermission.Video, PublishPermission.Video]),
        new NewParticipant([(PublishPermission)5]),
        new NewParticipant(CallbackUrl: "not-a-url"),
        new NewParticipant(DeviceApiVersion: "V4"),
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task CreateAsync_InvalidRequest_FailsValidationAndStoresNothing(NewParticipant request)
    {
        var before = _h.Store.Snapshot();

        Assertions.Fails(await _h.Participants.CreateAsync(AccountId, request), CallErrorKind.Validation);

        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Equal(0, _h.Store.SaveCount);
    }

    [Fact]
    public async Task CreateAsync_UnknownAccount_IsNotFound() =>
        Assertions.Fails(await _h.Participants.CreateAsync("nobody", new NewParticipant()), CallErrorKind.NotFound);

    [Fact]
    public async Task GetAsync_ParticipantOfAnotherAccount_IsNotFound()
    {
        var foreign = _h.NewParticipant(accountId: OtherAccountId);

        Assertions.Fails(await _h.Participants.GetAsync(AccountId, foreign.Id), CallErrorKind.NotFound);
    }

    [Fact]
    public async Task DeleteAsync_Member_LeavesItsSessionFirst()
    {
        var session = _h.NewSession();
        var a = _h.Member(session, "a", new Subscriptions(session.Id, [new("b"), new("c")]));
        var b = _h.Member(session, "b", Subscriptions.WholeSession(session.Id));
        _h.Member(session, "c");

        Assertions.Succeeds(await _h.Participants.DeleteAsync(AccountId, b.Id));

        Assert.DoesNotContain(b, _h.Store.Participants);
        Assert.Equal(["c"], a.Subscriptions.Participants.Select(p => p.ParticipantId));
        Assert.Equal(1, _h.Store.SaveCount);
        Assert.Equal(["c/* -> a"], _h.Router.CurrentEdges(session.Id));
    }

    [Fact]
    public async Task DeleteAsync_NotInASession_RemovesWithoutTouchingTheRouter()
    {
        var participant = _h.NewParticipant();

        Assertions.Succeeds(await _h.Participants.DeleteAsync(AccountId, participant.Id));

        Assert.Empty(_h.Store.Participants);
        Assert.Empty(_h.Router.Applied);
    }

    [Fact]
    public async Task DeleteAsync_Unknown_IsNotFound() =>
        Assertions.Fails(await _h.Participants.DeleteAsync(AccountId, "nope"), CallErrorKind.NotFound);
}
