using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using ContactCenter.Core.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Tests.Queue;

public sealed class CallCenterTests : IDisposable
{
    private static readonly StaffMember Alice = new("u-alice", "Alice", IsAgent: true, IsSupervisor: false);
    private static readonly StaffMember Bob = new("u-bob", "Bob", IsAgent: true, IsSupervisor: false);
    private static readonly StaffMember Sue = new("u-sue", "Sue", IsAgent: false, IsSupervisor: true);

    private readonly CallHarness _harness = new();
    private readonly InMemoryUsageLog _usage = new();
    private readonly CallCenter _center;

    public CallCenterTests()
    {
        var options = Options.Create(new CallCenterOptions { AccountId = CallHarness.AccountId, OfferTimeoutSeconds = 20 });
        _center = new CallCenter(new HarnessCallScopeFactory(_harness), _usage, _harness.Time, options, NullLogger<CallCenter>.Instance);
    }

    public void Dispose() => _center.Dispose();

    [Fact]
    public async Task StartWebCallAsync_NewCaller_CreatesSessionWithCustomerAndQueuesIt()
    {
        var call = await StartCallAsync("Carol");

        var session = Assert.Single(_harness.Store.Sessions);
        Assert.Equal(call.CallId, session.Id);
        var customer = Assert.Single(_harness.Store.Participants);
        Assert.Equal(("web-caller", call.CallId), (customer.Tag, customer.SessionId));
        Assert.Equal(new CallerView(call.CallId, CallState.Waiting, 1, null, null), _center.GetCallerView(call.CallId));
    }

    [Fact]
    public async Task StartWebCallAsync_BlankName_ValidationError()
    {
        var result = await _center.StartWebCallAsync("   ");

        Assert.Equal(CallErrorKind.Validation, result.Error?.Kind);
        Assert.Empty(_harness.Store.Sessions);
    }

    [Fact]
    public async Task AcceptAsync_OfferedAgent_JoinsAgentToCallersSessionFullyWired()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = await StartCallAsync("Carol");
        Assert.Equal("Carol", _center.GetAgentDesk(Alice.UserId).Offer?.CallerName);

        var accepted = await _center.AcceptAsync(Alice, call.CallId);

        Assert.True(accepted.IsSuccess, accepted.ToString());
        var agentPid = Assert.Single(accepted.Value.Agents).ParticipantId;
        Assert.Equal(
            new[] { $"{call.ParticipantId}/* -> {agentPid}", $"{agentPid}/* -> {call.ParticipantId}" }.Order(StringComparer.Ordinal),
            _harness.Router.CurrentEdges(call.CallId).Order(StringComparer.Ordinal));
        var audit = Assert.Single(await _harness.Audit.ListAsync(CallHarness.AccountId, call.CallId));
        Assert.Equal((CallMode.FullyWired, "Alice"), (audit.ToMode, audit.Actor));
        Assert.Equal(CallState.Connected, _center.GetCallerView(call.CallId)?.State);
        Assert.Equal("Alice", _center.GetCallerView(call.CallId)?.AgentName);
        Assert.Null(_center.GetAgentDesk(Alice.UserId).Offer);
    }

    [Fact]
    public async Task AcceptAsync_CallOfferedToAnotherAgent_Forbidden()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = await StartCallAsync("Carol");

        var result = await _center.AcceptAsync(Bob, call.CallId);

        Assert.Equal(CallErrorKind.Forbidden, result.Error?.Kind);
        Assert.Equal(CallState.Offered, _center.GetCallerView(call.CallId)?.State);
    }

    [Fact]
    public async Task DeclineAsync_TwoAgents_OffersTheCallToTheOtherAgent()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await _center.SetAgentStatusAsync(Bob, AgentStatus.Available);
        var call = await StartCallAsync("Carol");

        var declined = await _center.DeclineAsync(Alice, call.CallId);

        Assert.True(declined.IsSuccess);
        Assert.Null(_center.GetAgentDesk(Alice.UserId).Offer);
        Assert.Equal(call.CallId, _center.GetAgentDesk(Bob.UserId).Offer?.CallId);
    }

    [Fact]
    public async Task ExpireOffersAsync_OfferTimedOut_SetsAgentAwayAndOffersNextAgent()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = await StartCallAsync("Carol");
        await _center.SetAgentStatusAsync(Bob, AgentStatus.Available);

        _harness.Time.Advance(TimeSpan.FromSeconds(20));
        await _center.ExpireOffersAsync();

        Assert.Equal(AgentStatus.Away, _center.GetAgentDesk(Alice.UserId).Status);
        Assert.Equal(call.CallId, _center.GetAgentDesk(Bob.UserId).Offer?.CallId);
    }

    [Fact]
    public async Task HangUpAsync_AnotherAgentsCall_ForbiddenAndCallStaysLive()
    {
        var call = await ConnectAsync(Alice, "Carol");

        var result = await _center.HangUpAsync(Bob, call.CallId);

        Assert.Equal(CallErrorKind.Forbidden, result.Error?.Kind);
        Assert.Equal(CallState.Connected, _center.GetCallerView(call.CallId)?.State);
    }

    [Fact]
    public async Task HangUpAsync_OwnCall_EndsCallKeepsRecordsClosesUsageAndFreesAgent()
    {
        var call = await ConnectAsync(Alice, "Carol");
        _harness.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await _center.HangUpAsync(Alice, call.CallId);

        Assert.True(result.IsSuccess);
        var session = Assert.Single(_harness.Store.Sessions);
        Assert.Equal(call.CallId, session.Id);
        Assert.Equal(2, _harness.Store.Participants.Count());
        Assert.All(_harness.Store.Participants, p => Assert.Null(p.SessionId));
        Assert.Empty(_harness.Router.CurrentEdges(call.CallId));
        Assert.Equal(CallState.Ended, _center.GetCallerView(call.CallId)?.State);
        Assert.Empty(_center.ActiveCalls);
        Assert.Null(_center.GetAgentDesk(Alice.UserId).Call);
        var usage = await _usage.ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal(2, usage.Count);
        Assert.All(usage, u => Assert.Equal(_harness.Time.Now, u.LeftAt));
    }

    [Fact]
    public async Task CallerHangUpAsync_WhileWaiting_LeavesQueueAndWithdrawsOffer()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = await StartCallAsync("Carol");

        await _center.CallerHangUpAsync(call.CallId);

        Assert.Null(_center.GetAgentDesk(Alice.UserId).Offer);
        Assert.Equal(CallState.Ended, _center.GetCallerView(call.CallId)?.State);
    }

    [Fact]
    public async Task ApplySupervisorActionAsync_Whisper_AgentIsWhisperedAndCustomerNeverReceivesSupervisor()
    {
        var call = await ConnectAsync(Alice, "Carol");

        var result = await _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Whisper);

        Assert.True(result.IsSuccess, result.ToString());
        var supervisorPid = Assert.Single(result.Value.Supervisors).ParticipantId;
        var agentPid = Assert.Single(result.Value.Agents).ParticipantId;
        var edges = _harness.Router.CurrentEdges(call.CallId);
        Assert.Contains($"{supervisorPid}/microphone -> {agentPid}", edges);
        Assert.DoesNotContain(edges, e => e.StartsWith(supervisorPid, StringComparison.Ordinal) && e.EndsWith(call.ParticipantId, StringComparison.Ordinal));
        Assert.True(_center.GetAgentDesk(Alice.UserId).IsWhispered);
        Assert.Equal(CallMode.Whisper, _center.GetCall(call.CallId)?.Mode);
    }

    [Fact]
    public async Task ApplySupervisorActionAsync_LastSupervisorLeaves_CallIsFullyWiredAgain()
    {
        var call = await ConnectAsync(Alice, "Carol");
        await _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Monitor);

        var left = await _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Leave);

        Assert.True(left.IsSuccess, left.ToString());
        Assert.Empty(left.Value.Supervisors);
        Assert.Equal(CallMode.FullyWired, left.Value.Mode);
        Assert.Equal(2, _harness.Router.CurrentEdges(call.CallId).Count);
        Assert.False(_center.GetAgentDesk(Alice.UserId).IsWhispered);
    }

    [Fact]
    public async Task ApplySupervisorActionAsync_ByAnAgent_Forbidden()
    {
        var call = await ConnectAsync(Alice, "Carol");

        var result = await _center.ApplySupervisorActionAsync(Bob, call.CallId, SupervisorAction.Monitor);

        Assert.Equal(CallErrorKind.Forbidden, result.Error?.Kind);
        Assert.Empty(_center.GetCall(call.CallId)!.Supervisors);
    }

    [Fact]
    public async Task ApplySupervisorActionAsync_LeaveWhenNotPresent_Conflict()
    {
        var call = await ConnectAsync(Alice, "Carol");

        var result = await _center.ApplySupervisorActionAsync(Sue, call.CallId, SupervisorAction.Leave);

        Assert.Equal(CallErrorKind.Conflict, result.Error?.Kind);
    }

    [Fact]
    public async Task EnqueueExistingCallAsync_PhoneCallerInSession_QueuedAndOfferedLikeAWebCall()
    {
        var session = _harness.NewSession("phone-session");
        var caller = _harness.Member(session, "phone-caller");
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);

        var result = await _center.EnqueueExistingCallAsync(session.Id, caller.Id, "+1 555 0100", "sip-caller");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("+1 555 0100", _center.GetAgentDesk(Alice.UserId).Offer?.CallerName);
        var accepted = await _center.AcceptAsync(Alice, session.Id);
        Assert.True(accepted.IsSuccess, accepted.ToString());
    }

    [Fact]
    public async Task EnqueueExistingCallAsync_ParticipantNotInSession_NotFound()
    {
        var session = _harness.NewSession();
        var stranger = _harness.NewParticipant();

        var result = await _center.EnqueueExistingCallAsync(session.Id, stranger.Id, "x", null);

        Assert.Equal(CallErrorKind.NotFound, result.Error?.Kind);
        Assert.Empty(_center.ActiveCalls);
    }

    [Fact]
    public async Task EndAllCallsAsync_ConnectedAndWaitingCalls_AllEndWithUsageClosed()
    {
        await ConnectAsync(Alice, "Carol");
        await StartCallAsync("Dave");

        await _center.EndAllCallsAsync();

        Assert.Empty(_center.ActiveCalls);
        Assert.Equal(2, _harness.Store.Sessions.Count());
        Assert.All(_harness.Store.Participants, p => Assert.Null(p.SessionId));
        Assert.All(await _usage.ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue), u => Assert.NotNull(u.LeftAt));
    }

    [Fact]
    public async Task Subscribe_StateChanges_NotifiesUntilDisposed()
    {
        var notified = 0;
        var subscription = _center.Subscribe(() =>
        {
            Interlocked.Increment(ref notified);
            return Task.CompletedTask;
        });

        await StartCallAsync("Carol");
        var afterCall = Volatile.Read(ref notified);
        subscription.Dispose();
        await StartCallAsync("Dave");

        Assert.Equal(1, afterCall);
        Assert.Equal(1, Volatile.Read(ref notified));
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
        var accepted = await _center.AcceptAsync(agent, call.CallId);
        Assert.True(accepted.IsSuccess, accepted.ToString());
        return call;
    }
}
