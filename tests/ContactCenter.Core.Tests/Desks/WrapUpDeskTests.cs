using ContactCenter.Core.Desks;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.Queue;
using ContactCenter.Core.Tests.TestDoubles;
using ContactCenter.Core.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Tests.Desks;

/// <summary>The wrap-up over a real call center (default wrap-up time); the desk store is in memory (the test writes the ended call, as the database would hold it).</summary>
public sealed class WrapUpDeskTests : IDisposable
{
    // The fake store finds an agent's calls by the names in AgentNames: the user id stands in for the name here.
    private static readonly StaffMember Alice = new("u-alice", "u-alice", IsAgent: true, IsSupervisor: false);

    private readonly CallHarness _harness = new();
    private readonly CallCenter _center;
    private readonly FakeDeskStore _store = new();
    private readonly WrapUpDesk _desk;

    public WrapUpDeskTests()
    {
        var options = Options.Create(new CallCenterOptions { AccountId = CallHarness.AccountId });
        _center = new CallCenter(new HarnessCallScopeFactory(_harness), new InMemoryUsageLog(), _harness.Time, options, NullLogger<CallCenter>.Instance);
        _desk = new WrapUpDesk(_store, _center, _harness.Time);
    }

    public void Dispose() => _center.Dispose();

    [Fact]
    public void WrapUpSeconds_Default_Thirty()
    {
        Assert.Equal(30, new CallCenterOptions().WrapUpSeconds);
    }

    [Fact]
    public async Task GetAsync_AfterHangUp_LastCallCodesAndEndOfWrapUp()
    {
        var callId = await CallAndHangUpAsync();
        _store.Codes.Add(new DispositionCode("k1", "Resolved", IsActive: true));
        _store.Codes.Add(new DispositionCode("k2", "Old", IsActive: false));

        var wrapUp = await _desk.GetAsync(Alice);

        Assert.NotNull(wrapUp);
        Assert.Equal(callId, wrapUp.Call.CallId);
        Assert.Equal(["Resolved"], wrapUp.Codes.Select(c => c.Label));
        Assert.True(wrapUp.CodeRequired);
        Assert.Equal(_harness.Time.GetUtcNow().AddSeconds(30), wrapUp.Until);
    }

    [Fact]
    public async Task SubmitAsync_CodesExistNoneGiven_ValidationErrorAgentStaysInWrapUp()
    {
        var callId = await CallAndHangUpAsync();
        _store.Codes.Add(new DispositionCode("k1", "Resolved", IsActive: true));

        var result = await _desk.SubmitAsync(Alice, callId, null, "talked");

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(AgentStatus.WrapUp, _center.GetAgentDesk(Alice.UserId).Status);
        Assert.False(_store.Calls.Single().HasDisposition);
    }

    [Fact]
    public async Task SubmitAsync_RetiredCode_ValidationError()
    {
        var callId = await CallAndHangUpAsync();
        _store.Codes.Add(new DispositionCode("k1", "Resolved", IsActive: true));
        _store.Codes.Add(new DispositionCode("k2", "Old", IsActive: false));

        var result = await _desk.SubmitAsync(Alice, callId, "k2", "");

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
    }

    [Fact]
    public async Task SubmitAsync_CodeAndNote_StoredWithTheCallAndAgentAvailable()
    {
        var callId = await CallAndHangUpAsync();
        _store.Codes.Add(new DispositionCode("k1", "Resolved", IsActive: true));

        var result = await _desk.SubmitAsync(Alice, callId, "k1", "  Reset the router.  ");

        Assert.True(result.IsSuccess, result.ToString());
        var stored = _store.Calls.Single();
        Assert.Equal(("k1", "Resolved", "Reset the router.", "u-alice"), (stored.DispositionCodeId, stored.DispositionLabel, stored.DispositionNote, stored.DispositionBy));
        Assert.Equal(AgentStatus.Available, _center.GetAgentDesk(Alice.UserId).Status);
        Assert.Null(await _desk.GetAsync(Alice));
    }

    [Fact]
    public async Task SubmitAsync_Twice_ConflictTheSecondTime()
    {
        var callId = await CallAndHangUpAsync();
        Assert.True((await _desk.SubmitAsync(Alice, callId, null, "first")).IsSuccess);

        var again = await _desk.SubmitAsync(Alice, callId, null, "second");

        Assert.Equal(CallErrorKind.Conflict, again.Error?.Kind);
        Assert.Equal("first", _store.Calls.Single().DispositionNote);
    }

    [Fact]
    public async Task SubmitAsync_AnotherCall_NotFound()
    {
        await CallAndHangUpAsync();

        var result = await _desk.SubmitAsync(Alice, "someone-elses-call", null, "");

        Assert.Equal(CallErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public async Task SubmitAsync_NoteTooLong_ValidationError()
    {
        var callId = await CallAndHangUpAsync();

        var result = await _desk.SubmitAsync(Alice, callId, null, new string('x', WrapUpDesk.MaxNoteLength + 1));

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
    }

    [Fact]
    public async Task SetStatusAsync_WrapUpWithCodesNotSubmitted_RefusedUntilSubmitted()
    {
        var callId = await CallAndHangUpAsync();
        _store.Codes.Add(new DispositionCode("k1", "Resolved", IsActive: true));

        var refused = await _desk.SetStatusAsync(Alice, AgentStatus.Available);

        Assert.Equal(CallErrorKind.Validation, refused.Error?.Kind);
        Assert.Equal(AgentStatus.WrapUp, _center.GetAgentDesk(Alice.UserId).Status);
        Assert.True((await _desk.SubmitAsync(Alice, callId, "k1", "")).IsSuccess);
        Assert.True((await _desk.SetStatusAsync(Alice, AgentStatus.Busy)).IsSuccess);
    }

    [Fact]
    public async Task SetStatusAsync_WrapUpWithoutCodes_AgentMayLeaveAtOnce()
    {
        await CallAndHangUpAsync();

        var result = await _desk.SetStatusAsync(Alice, AgentStatus.Available);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(AgentStatus.Available, _center.GetAgentDesk(Alice.UserId).Status);
    }

    [Fact]
    public async Task ExpireOffersAsync_WrapUpTimeRunsOut_AgentAvailableCallWithoutCode()
    {
        await CallAndHangUpAsync();
        _store.Codes.Add(new DispositionCode("k1", "Resolved", IsActive: true));

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await _center.ExpireOffersAsync();

        Assert.Equal(AgentStatus.Available, _center.GetAgentDesk(Alice.UserId).Status);
        Assert.Null(await _desk.GetAsync(Alice));
        Assert.False(_store.Calls.Single().HasDisposition);
    }

    [Fact]
    public async Task GetCallerHistoryAsync_UnknownCaller_Empty()
    {
        Assert.Empty(await _desk.GetCallerHistoryAsync(null, null));
    }

    /// <summary>Alice takes a web call and hangs up; the store holds the ended call as the database would.</summary>
    private async Task<string> CallAndHangUpAsync()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = await _center.StartWebCallAsync("Carol", "browser-0123456789abcdef");
        Assert.True(call.IsSuccess, call.ToString());
        Assert.True((await _center.AcceptAsync(Alice, call.Value.CallId)).IsSuccess);
        Assert.True((await _center.HangUpAsync(Alice, call.Value.CallId)).IsSuccess);
        Assert.Equal(AgentStatus.WrapUp, _center.GetAgentDesk(Alice.UserId).Status);
        var view = _center.GetCall(call.Value.CallId)!;
        Assert.Equal("web:browser-0123456789abcdef", view.CallerKey);
        _store.Calls.Add(new CallRecord(view.CallId, view.CustomerName, view.CustomerTag, view.CallerKey, view.WaitingSince, view.ConnectedAt, view.EndedAt,
            [Alice.UserId]));
        return view.CallId;
    }
}
