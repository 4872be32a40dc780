using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using ContactCenter.Core.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Tests.Queue;

/// <summary>The call center as a projection of its store: restart, outside changes, per-call concurrency, presence and resume.</summary>
public sealed class CallCenterDurabilityTests : IDisposable
{
    private static readonly StaffMember Alice = new("u-alice", "Alice", IsAgent: true, IsSupervisor: false);
    private static readonly StaffMember Bob = new("u-bob", "Bob", IsAgent: true, IsSupervisor: false);
    private static readonly StaffMember Sue = new("u-sue", "Sue", IsAgent: false, IsSupervisor: true);
    private static readonly StaffMember Sam = new("u-sam", "Sam", IsAgent: false, IsSupervisor: true);

    private readonly CallHarness _harness = new();
    private readonly InMemoryUsageLog _usage = new();
    private readonly InMemoryCallCenterStore _store = new();
    private readonly List<CallCenter> _centers = [];
    private readonly CallCenter _center;

    public CallCenterDurabilityTests()
    {
        _center = NewCenter();
    }

    public void Dispose()
    {
        foreach (var center in _centers)
        {
            center.Dispose();
        }
    }

    [Fact]
    public async Task ApplySupervisorActionAsync_TwoCallsAtOnce_NeitherWaitsForTheOther()
    {
        var first = await ConnectAsync(Alice, "Carol");
        var second = await ConnectAsync(Bob, "Dave");
        using var firstInRouter = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        _harness.Router.BeforeApply = sessionId =>
        {
            if (sessionId == first.CallId)
            {
                firstInRouter.Set();
                releaseFirst.Wait(TimeSpan.FromSeconds(30));
            }
        };

        // The first call's action is held inside the router (as a slow database or media step would hold it).
        var held = Task.Run(() => _center.ApplySupervisorActionAsync(Sue, first.CallId, SupervisorAction.Whisper));
        Assert.True(firstInRouter.Wait(TimeSpan.FromSeconds(10)));

        // A global lock would make this wait for the first until the test gives up.
        var other = _center.ApplySupervisorActionAsync(Sam, second.CallId, SupervisorAction.Barge);
        var finished = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(other, finished);
        Assert.True((await other).IsSuccess);
        Assert.False(held.IsCompleted);
        releaseFirst.Set();
        Assert.True((await held).IsSuccess);
        Assert.Equal(CallMode.Whisper, _center.GetCall(first.CallId)?.Mode);
        Assert.Equal(CallMode.Barge, _center.GetCall(second.CallId)?.Mode);
        Assert.Equal(0, _center.ActiveGates);
    }

    [Fact]
    public async Task ApplySupervisorActionAsync_SameActionTwiceAtOnce_SecondSeesFirstsResult()
    {
        var call = await ConnectAsync(Alice, "Carol");

        var results = await Task.WhenAll(
            Task.Run(() => _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Whisper)),
            Task.Run(() => _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Whisper)));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal("The call is already in Whisper.", Assert.Single(results, r => !r.IsSuccess).Error?.Message);
        Assert.Single(_center.GetCall(call.CallId)!.Supervisors);
    }

    [Fact]
    public async Task RestoreAsync_NewProcessOnSameStore_SameQueueOrderMembersModeAndEdges()
    {
        var call = await ConnectAsync(Alice, "Carol");
        await _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Whisper);
        var dave = await StartCallAsync("Dave");
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var erin = await StartCallAsync("Erin");
        var applies = _harness.Router.Applied.Count;

        var restarted = NewCenter();
        await restarted.RestoreAsync();

        var live = restarted.GetCall(call.CallId)!;
        Assert.Equal((CallState.Connected, CallMode.Whisper), (live.State, live.Mode));
        Assert.Equal(["Alice"], live.Agents.Select(a => a.Name));
        Assert.Equal(["Sue"], live.Supervisors.Select(s => s.Name));
        Assert.True(restarted.GetAgentDesk(Alice.UserId).IsWhispered);
        Assert.Equal(AgentStatus.OnCall, restarted.GetAgentDesk(Alice.UserId).Status);
        Assert.Equal([dave.CallId, erin.CallId], restarted.ActiveCalls.Where(c => c.State == CallState.Waiting).Select(c => c.CallId));
        Assert.Equal(1, restarted.GetCallerView(dave.CallId)?.Position);
        Assert.Contains(_harness.Router.Applied.Skip(applies), a => a.SessionId == call.CallId && a.Edges.Count > 0);
    }

    [Fact]
    public async Task RestoreAsync_OfferOpenAtRestart_StillOfferedToTheSameAgent()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = await StartCallAsync("Carol");

        var restarted = NewCenter();
        await restarted.RestoreAsync();

        Assert.Equal(call.CallId, restarted.GetAgentDesk(Alice.UserId).Offer?.CallId);
        Assert.True((await restarted.AcceptAsync(Alice, call.CallId)).IsSuccess);
    }

    [Fact]
    public async Task ModeChangedOutsideTheCallCenter_ShowsOnConsoleAndAgentDeskAtOnce()
    {
        var call = await ConnectAsync(Alice, "Carol");
        var monitored = await _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Monitor);
        var notified = new TaskCompletionSource();
        using var subscription = _center.Subscribe(() =>
        {
            notified.TrySetResult();
            return Task.CompletedTask;
        });

        // What PUT /v1/.../mode does: straight to CallControl, no call center involved.
        var applied = await _harness.Control.ApplyModeAsync(CallHarness.AccountId, call.CallId, CallMode.Whisper,
            [monitored.Value!.Supervisors[0].ParticipantId], [monitored.Value!.Agents[0].ParticipantId], [call.ParticipantId], "rest-client");

        Assert.True(applied.IsSuccess, applied.ToString());
        Assert.Equal(CallMode.Whisper, _center.GetCall(call.CallId)?.Mode);
        Assert.True(_center.GetAgentDesk(Alice.UserId).IsWhispered);
        await notified.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CustomerRemovedOutsideTheCallCenter_CallEndsAndAgentIsFree()
    {
        var call = await ConnectAsync(Alice, "Carol");

        await _harness.Sessions.RemoveMemberAsync(CallHarness.AccountId, call.CallId, call.ParticipantId);

        await WaitUntilAsync(() => _center.GetCallerView(call.CallId)?.State == CallState.Ended);
        Assert.Null(_center.GetAgentDesk(Alice.UserId).Call);
    }

    [Fact]
    public async Task ExpireOffersAsync_CustomerAwayLongerThanGrace_CallEnds()
    {
        var call = await ConnectAsync(Alice, "Carol");
        _center.MemberDisconnected(call.ParticipantId);

        _harness.Time.Advance(TimeSpan.FromSeconds(29));
        await _center.ExpireOffersAsync();
        Assert.Equal(CallState.Connected, _center.GetCallerView(call.CallId)?.State);

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await _center.ExpireOffersAsync();
        Assert.Equal(CallState.Ended, _center.GetCallerView(call.CallId)?.State);
    }

    [Fact]
    public async Task ExpireOffersAsync_CallerPageNeverConnectsItsMedia_CallEndsAfterTheGrace()
    {
        var call = await StartCallAsync("Gone Soon");

        _harness.Time.Advance(TimeSpan.FromSeconds(29));
        await _center.ExpireOffersAsync();
        Assert.Equal(CallState.Waiting, _center.GetCallerView(call.CallId)?.State);

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await _center.ExpireOffersAsync();
        Assert.Equal(CallState.Ended, _center.GetCallerView(call.CallId)?.State);
    }

    [Fact]
    public async Task ExpireOffersAsync_CallerPageConnectsItsMedia_CallWaitsBeyondTheGrace()
    {
        var call = await StartCallAsync("Patient Pat");
        _center.MemberConnected(call.ParticipantId);

        _harness.Time.Advance(TimeSpan.FromSeconds(60));
        await _center.ExpireOffersAsync();

        Assert.Equal(CallState.Waiting, _center.GetCallerView(call.CallId)?.State);
    }

    [Fact]
    public async Task ExpireOffersAsync_AgentBackWithinGrace_CallGoesOn()
    {
        var call = await ConnectAsync(Alice, "Carol");
        var agentPid = _center.GetCall(call.CallId)!.Agents[0].ParticipantId;
        _center.MemberDisconnected(agentPid);
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        _center.MemberConnected(agentPid);

        _harness.Time.Advance(TimeSpan.FromSeconds(60));
        await _center.ExpireOffersAsync();

        Assert.Equal(CallState.Connected, _center.GetCallerView(call.CallId)?.State);
    }

    [Fact]
    public async Task ExpireOffersAsync_SupervisorNeverBack_SupervisorLeavesCallGoesOnFullyWired()
    {
        var call = await ConnectAsync(Alice, "Carol");
        var whispered = await _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Whisper);
        _center.MemberDisconnected(whispered.Value!.Supervisors[0].ParticipantId);

        _harness.Time.Advance(TimeSpan.FromSeconds(31));
        await _center.ExpireOffersAsync();

        var live = _center.GetCall(call.CallId)!;
        Assert.Equal((CallState.Connected, CallMode.FullyWired), (live.State, live.Mode));
        Assert.Empty(live.Supervisors);
    }

    [Fact]
    public async Task ResumeCallerAsync_SecretOfThisCall_RejoinsWithANewSecret()
    {
        var call = await StartCallAsync("Carol");

        var resumed = await _center.ResumeCallerAsync(call.CallId, call.ResumeSecret);

        Assert.True(resumed.IsSuccess, resumed.ToString());
        Assert.Equal(call.ParticipantId, resumed.Value!.ParticipantId);
        Assert.NotEqual(call.ResumeSecret, resumed.Value.ResumeSecret);
    }

    [Fact]
    public async Task ResumeCallerAsync_SecretAlreadyUsedByAnotherTab_RefusedAndOtherTabKeepsIt()
    {
        var call = await StartCallAsync("Carol");
        var otherTab = await _center.ResumeCallerAsync(call.CallId, call.ResumeSecret);

        var again = await _center.ResumeCallerAsync(call.CallId, call.ResumeSecret);

        Assert.Equal(CallErrorKind.Forbidden, again.Error?.Kind);
        Assert.Contains("another tab", again.Error!.Message, StringComparison.Ordinal);
        Assert.True((await _center.ResumeCallerAsync(call.CallId, otherTab.Value!.ResumeSecret)).IsSuccess);
    }

    [Fact]
    public async Task ResumeCallerAsync_AnotherCallsSecretOrEndedCall_Refused()
    {
        var carol = await StartCallAsync("Carol");
        var dave = await StartCallAsync("Dave");

        Assert.Equal(CallErrorKind.Forbidden, (await _center.ResumeCallerAsync(carol.CallId, dave.ResumeSecret)).Error?.Kind);
        await _center.CallerHangUpAsync(carol.CallId);
        Assert.Equal(CallErrorKind.NotFound, (await _center.ResumeCallerAsync(carol.CallId, carol.ResumeSecret)).Error?.Kind);
    }

    [Fact]
    public async Task AcceptAsync_AgentTakesCall_StatusIsOnCallThenWrapUpThenBackAfterTheWrapUpTime()
    {
        var call = await ConnectAsync(Alice, "Carol");
        Assert.Equal(AgentStatus.OnCall, _center.GetAgentDesk(Alice.UserId).Status);

        await _center.HangUpAsync(Alice, call.CallId);

        // The default wrap-up (CallCenterOptions.WrapUpSeconds, 30 s) comes first.
        Assert.Equal(AgentStatus.WrapUp, _center.GetAgentDesk(Alice.UserId).Status);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await _center.ExpireOffersAsync();
        Assert.Equal(AgentStatus.Available, _center.GetAgentDesk(Alice.UserId).Status);
    }

    [Fact]
    public async Task SetAgentStatusAsync_OnCall_ValidationError()
    {
        var result = await _center.SetAgentStatusAsync(Alice, AgentStatus.OnCall);

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
    }

    [Fact]
    public async Task DeclineAsync_OnlyAgent_OfferedAgainAfterTheCooldown()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = await StartCallAsync("Carol");
        await _center.DeclineAsync(Alice, call.CallId);
        Assert.Null(_center.GetAgentDesk(Alice.UserId).Offer);

        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        await _center.ExpireOffersAsync();

        Assert.Equal(call.CallId, _center.GetAgentDesk(Alice.UserId).Offer?.CallId);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private CallCenter NewCenter()
    {
        var options = Options.Create(new CallCenterOptions { AccountId = CallHarness.AccountId, OfferTimeoutSeconds = 20, MemberGraceSeconds = 30 });
        var center = new CallCenter(new HarnessCallScopeFactory(_harness), _usage, _harness.Time, options, NullLogger<CallCenter>.Instance,
            _store, _harness.Events);
        _centers.Add(center);
        return center;
    }

    private async Task<NewWebCall> StartCallAsync(string name)
    {
        var result = await _center.StartWebCallAsync(name);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    private async Task<NewWebCall> ConnectAsync(StaffMember agent, string callerName)
    {
        await _center.SetAgentStatusAsync(agent, AgentStatus.Available);
        var call = await StartCallAsync(callerName);
        _center.MemberConnected(call.ParticipantId);   // the caller's page opened its media connection
        var accepted = await _center.AcceptAsync(agent, call.CallId);
        Assert.True(accepted.IsSuccess, accepted.ToString());
        return call;
    }
}
