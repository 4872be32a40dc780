using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.Queue;
using ContactCenter.Core.Tests.TestDoubles;
using ContactCenter.Core.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Tests.Desks;

/// <summary>A supervisor assigns a waiting caller to a chosen agent (CallCenter.AssignAsync).</summary>
public sealed class AssignTests : IDisposable
{
    private static readonly StaffMember Alice = new("u-alice", "Alice", IsAgent: true, IsSupervisor: false);
    private static readonly StaffMember Bob = new("u-bob", "Bob", IsAgent: true, IsSupervisor: false);
    private static readonly StaffMember Sue = new("u-sue", "Sue", IsAgent: false, IsSupervisor: true);

    private readonly CallHarness _harness = new();
    private readonly CallCenter _center;

    public AssignTests()
    {
        var options = Options.Create(new CallCenterOptions { AccountId = CallHarness.AccountId });
        _center = new CallCenter(new HarnessCallScopeFactory(_harness), new InMemoryUsageLog(), _harness.Time, options, NullLogger<CallCenter>.Instance);
    }

    public void Dispose() => _center.Dispose();

    [Fact]
    public async Task AssignAsync_CallRingingAtAlice_OfferMovesToBobAliceStaysAvailable()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var call = (await _center.StartWebCallAsync("Carol")).Value!;
        await _center.SetAgentStatusAsync(Bob, AgentStatus.Available);
        Assert.Equal(call.CallId, _center.GetAgentDesk(Alice.UserId).Offer?.CallId);

        var result = await _center.AssignAsync(Sue, call.CallId, Bob.UserId);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(call.CallId, _center.GetAgentDesk(Bob.UserId).Offer?.CallId);
        Assert.Null(_center.GetAgentDesk(Alice.UserId).Offer);
        Assert.Equal(AgentStatus.Available, _center.GetAgentDesk(Alice.UserId).Status);
        Assert.True((await _center.AcceptAsync(Bob, call.CallId)).IsSuccess);
    }

    [Fact]
    public async Task AssignAsync_AgentAway_Conflict()
    {
        await _center.SetAgentStatusAsync(Bob, AgentStatus.Away);
        var call = (await _center.StartWebCallAsync("Carol")).Value!;

        var result = await _center.AssignAsync(Sue, call.CallId, Bob.UserId);

        Assert.Equal(CallErrorKind.Conflict, result.Error?.Kind);
    }

    [Fact]
    public async Task AssignAsync_NotASupervisor_Forbidden()
    {
        var call = (await _center.StartWebCallAsync("Carol")).Value!;

        var result = await _center.AssignAsync(Alice, call.CallId, Bob.UserId);

        Assert.Equal(CallErrorKind.Forbidden, result.Error?.Kind);
    }

    [Fact]
    public async Task AssignAsync_CallAlreadyAnswered_NotFound()
    {
        await _center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var call = (await _center.StartWebCallAsync("Carol")).Value!;
        Assert.True((await _center.AcceptAsync(Alice, call.CallId)).IsSuccess);
        await _center.SetAgentStatusAsync(Bob, AgentStatus.Available);

        var result = await _center.AssignAsync(Sue, call.CallId, Bob.UserId);

        Assert.Equal(CallErrorKind.NotFound, result.Error?.Kind);
    }
}
