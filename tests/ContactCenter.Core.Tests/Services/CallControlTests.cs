using ContactCenter.Core.Auditing;
using ContactCenter.Core.CallModes;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using static ContactCenter.Core.Tests.TestDoubles.CallHarness;

namespace ContactCenter.Core.Tests.Services;

public sealed class CallControlTests
{
    private readonly CallHarness _h = new();
    private readonly Session _session;

    public CallControlTests()
    {
        _session = _h.NewSession("call");
        _h.Member(_session, "c", Subscriptions.WholeSession(_session.Id));
        _h.Member(_session, "a", Subscriptions.WholeSession(_session.Id));
        _h.Member(_session, "s");
    }

    [Fact]
    public async Task ApplyModeAsync_Whisper_StoresPlanAppliesEdgesOnceAndAuditsOnce()
    {
        var audit = Assertions.Succeeds(await Apply(CallMode.Whisper, ["s"], ["a"], ["c"]));

        Assert.Equal(CallMode.Whisper, _session.Mode);
        Assert.Equal(1, _h.Store.SaveCount);
        var applied = Assert.Single(_h.Router.Applied);
        Assert.Equal(_session.Id, applied.SessionId);
        Assertions.SameEdges(["a/* -> c", "c/* -> a", "s/microphone -> a", "c/* -> s", "a/* -> s"], Text(applied.Edges));

        var entry = Assert.Single(await _h.Audit.ListAsync(AccountId, _session.Id));
        Assert.Same(audit, entry);
        Assert.Equal(new(AccountId, _session.Id, null, CallMode.Whisper, "boss@example.com", _h.Time.Now), entry);
    }

    [Fact]
    public async Task ApplyModeAsync_SecondChange_AuditsFromThePreviousMode()
    {
        Assertions.Succeeds(await Apply(CallMode.Monitor, ["s"], ["a"], ["c"]));
        _h.Time.Advance(TimeSpan.FromSeconds(30));

        Assertions.Succeeds(await Apply(CallMode.Barge, ["s"], ["a"], ["c"]));

        var entries = await _h.Audit.ListAsync(AccountId, _session.Id);
        Assert.Equal([(null, CallMode.Monitor), (CallMode.Monitor, CallMode.Barge)], entries.Select(e => (e.FromMode, e.ToMode)));
        Assert.Equal(_h.Time.Now, entries[1].At);
        Assert.Equal(2, _h.Router.Applied.Count);
    }

    [Fact]
    public async Task ApplyModeAsync_Monitor_ReplacesTheSessionLevelSubscriptions()
    {
        Assertions.Succeeds(await Apply(CallMode.Monitor, ["s"], ["a"], ["c"]));

        Assert.DoesNotContain(_h.Router.CurrentEdges(_session.Id), e => e.StartsWith("s/", StringComparison.Ordinal));
        var customer = _h.Store.Participants.Single(p => p.Id == "c");
        Assert.Equal(["a"], customer.Subscriptions.Participants.Select(p => p.ParticipantId));
    }

    public static TheoryData<string[], string[], string[], CallErrorKind> RefusedRosters => new()
    {
        // Whisper needs a supervisor.
        { [], ["a"], ["c", "s"], CallErrorKind.Validation },
        // One member, two roles.
        { ["s", "a"], ["a"], ["c"], CallErrorKind.Validation },
        // Named, but not a member of the session.
        { ["s", "stranger"], ["a"], ["c"], CallErrorKind.Conflict },
        // No customer at all: Whisper needs one.
        { ["s"], ["a"], [], CallErrorKind.Validation },
        // s2 is no participant of this session either.
        { ["s"], ["a"], ["c", "s2"], CallErrorKind.Conflict },
    };

    [Theory]
    [MemberData(nameof(RefusedRosters))]
    public async Task ApplyModeAsync_BadRoster_ChangesNothingAndNeverReachesTheRouter(
        string[] supervisors, string[] agents, string[] customers, CallErrorKind kind)
    {
        _h.NewParticipant("stranger");
        var before = _h.Store.Snapshot();

        Assertions.Fails(await Apply(CallMode.Whisper, supervisors, agents, customers), kind);

        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Equal(0, _h.Store.SaveCount);
        Assert.Empty(_h.Router.Applied);
        Assert.Empty(await _h.Audit.ListAsync(AccountId, _session.Id));
    }

    [Fact]
    public async Task ApplyModeAsync_MemberUnnamed_IsConflictNamingIt()
    {
        _h.Member(_session, "late");

        var error = Assertions.Fails(await Apply(CallMode.Barge, ["s"], ["a"], ["c"]), CallErrorKind.Conflict);

        Assert.Contains("late", error.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Router.Applied);
    }

    [Fact]
    public async Task ApplyModeAsync_UnknownSession_IsNotFound() =>
        Assertions.Fails(
            await _h.Control.ApplyModeAsync(AccountId, "nope", CallMode.FullyWired, [], [], [], "boss"), CallErrorKind.NotFound);

    [Fact]
    public async Task ApplyModeAsync_SessionOfAnotherAccount_IsNotFound() =>
        Assertions.Fails(
            await _h.Control.ApplyModeAsync(OtherAccountId, _session.Id, CallMode.Monitor, ["s"], ["a"], ["c"], "boss"), CallErrorKind.NotFound);

    [Fact]
    public async Task ApplyModeAsync_NoActor_FailsValidation() =>
        Assertions.Fails(
            await _h.Control.ApplyModeAsync(AccountId, _session.Id, CallMode.Monitor, ["s"], ["a"], ["c"], " "), CallErrorKind.Validation);

    private Task<CallResult<ModeChangeAudit>> Apply(CallMode mode, string[] supervisors, string[] agents, string[] customers) =>
        _h.Control.ApplyModeAsync(AccountId, _session.Id, mode, supervisors, agents, customers, "boss@example.com");
}
