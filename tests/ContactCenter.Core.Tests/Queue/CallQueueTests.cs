using ContactCenter.Core.Queue;

namespace ContactCenter.Core.Tests.Queue;

public sealed class CallQueueTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CallQueue NewQueue() => new(TimeSpan.FromSeconds(20));

    [Fact]
    public void Dispatch_TwoCallsOneAgent_OffersLongestWaitingCall()
    {
        var queue = NewQueue();
        queue.Enqueue("late", T0.AddSeconds(5));
        queue.Enqueue("early", T0);
        queue.SetStatus("a1", AgentStatus.Available, T0);

        var offers = queue.Dispatch(T0.AddSeconds(6));

        var offer = Assert.Single(offers);
        Assert.Equal(("early", "a1"), (offer.CallId, offer.AgentId));
        Assert.Equal(T0.AddSeconds(26), offer.ExpiresAt);
    }

    [Fact]
    public void Dispatch_AgentAwayOrBusy_OffersNothing()
    {
        var queue = NewQueue();
        queue.Enqueue("c1", T0);
        queue.SetStatus("away", AgentStatus.Away, T0);
        queue.SetStatus("busy", AgentStatus.Busy, T0);

        Assert.Empty(queue.Dispatch(T0));
    }

    [Fact]
    public void Dispatch_TwoAvailableAgents_OffersToTheOneIdleLongest()
    {
        var queue = NewQueue();
        queue.SetStatus("recent", AgentStatus.Available, T0.AddMinutes(5));
        queue.SetStatus("idle-longest", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0.AddMinutes(6));

        Assert.Equal("idle-longest", Assert.Single(queue.Dispatch(T0.AddMinutes(6))).AgentId);
    }

    [Fact]
    public void PositionOf_ThreeWaitingCalls_CountsFromLongestWaiting()
    {
        var queue = NewQueue();
        queue.Enqueue("c1", T0);
        queue.Enqueue("c2", T0.AddSeconds(1));
        queue.Enqueue("c3", T0.AddSeconds(2));

        queue.Remove("c1");

        Assert.Null(queue.PositionOf("c1"));
        Assert.Equal(1, queue.PositionOf("c2"));
        Assert.Equal(2, queue.PositionOf("c3"));
    }

    [Fact]
    public void Decline_TwoAgents_CallGoesToTheNextAgent()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.SetStatus("a2", AgentStatus.Available, T0.AddSeconds(1));
        queue.Enqueue("c1", T0.AddSeconds(2));
        queue.Dispatch(T0.AddSeconds(2));

        Assert.True(queue.Decline("a1", "c1", T0.AddSeconds(2)));
        var next = Assert.Single(queue.Dispatch(T0.AddSeconds(3)));

        Assert.Equal("a2", next.AgentId);
        Assert.Null(queue.OfferFor("a1"));
    }

    [Fact]
    public void Decline_OnlyAgentDeclined_CallWaitsUntilAgentChangesStatus()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0);
        queue.Dispatch(T0);
        queue.Decline("a1", "c1", T0);

        Assert.Empty(queue.Dispatch(T0.AddSeconds(1)));

        queue.SetStatus("a1", AgentStatus.Away, T0.AddSeconds(2));
        queue.SetStatus("a1", AgentStatus.Available, T0.AddSeconds(3));
        Assert.Equal("c1", Assert.Single(queue.Dispatch(T0.AddSeconds(3))).CallId);
    }

    /// <summary>Issue 16: "You are available. 1 caller(s) waiting." forever after the only agent declined.</summary>
    [Fact]
    public void Dispatch_OnlyAgentDeclinedAndCooldownPassed_OffersTheCallAgain()
    {
        var queue = new CallQueue(TimeSpan.FromSeconds(20), declineCooldown: TimeSpan.FromSeconds(10));
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0);
        queue.Dispatch(T0);
        queue.Decline("a1", "c1", T0);

        Assert.Empty(queue.Dispatch(T0.AddSeconds(9)));
        Assert.Equal(("c1", "a1"), Assert.Single(queue.Dispatch(T0.AddSeconds(10))) is var o ? (o.CallId, o.AgentId) : default);
    }

    /// <summary>Issue 16: "the status stays Available during a call".</summary>
    [Fact]
    public void StatusOf_AgentOnCallThenWrapUp_OnCallThenWrapUpThenAvailable()
    {
        var queue = new CallQueue(TimeSpan.FromSeconds(20), wrapUp: TimeSpan.FromSeconds(30));
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0);
        queue.Dispatch(T0);
        queue.Accept("a1", "c1");
        Assert.Equal(AgentStatus.OnCall, queue.StatusOf("a1"));

        queue.EndCall("a1", T0.AddSeconds(60));
        queue.Enqueue("c2", T0.AddSeconds(61));
        Assert.Equal(AgentStatus.WrapUp, queue.StatusOf("a1"));
        Assert.Empty(queue.Dispatch(T0.AddSeconds(61)));

        Assert.Equal(["a1"], queue.EndWrapUps(T0.AddSeconds(90)));
        Assert.Equal(AgentStatus.Available, queue.StatusOf("a1"));
        Assert.Equal("c2", Assert.Single(queue.Dispatch(T0.AddSeconds(90))).CallId);
    }

    [Fact]
    public void SetStatus_OnCall_Refused()
    {
        var queue = NewQueue();

        Assert.Throws<ArgumentOutOfRangeException>(() => queue.SetStatus("a1", AgentStatus.OnCall, T0));
    }

    [Fact]
    public void RestoreWaiting_StoredState_SameOrderOfferAndDeclines()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.SetStatus("a2", AgentStatus.Available, T0.AddSeconds(1));
        queue.Enqueue("c1", T0);
        queue.Enqueue("c2", T0);
        queue.Enqueue("c3", T0.AddSeconds(1));
        queue.Dispatch(T0.AddSeconds(2));
        queue.Decline("a2", "c2", T0.AddSeconds(3));

        var copy = NewQueue();
        foreach (var id in new[] { "a2", "a1" })
        {
            copy.RestoreAgent(queue.AgentOf(id)!);
        }

        foreach (var waiting in queue.Waiting.Reverse())
        {
            copy.RestoreWaiting(waiting);
        }

        Assert.Equal(["c1", "c2", "c3"], copy.WaitingCallIds);
        Assert.Equal("a1", copy.OfferFor("a1")?.CallId is "c1" ? "a1" : null);
        Assert.Null(copy.OfferOf("c2"));
        Assert.Equal(queue.Waiting.Select(w => w.DeclinedBy.Count), copy.Waiting.Select(w => w.DeclinedBy.Count));
    }

    [Fact]
    public void Accept_OpenOffer_RemovesCallAndPutsAgentOnIt()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0);
        queue.Enqueue("c2", T0.AddSeconds(1));
        queue.Dispatch(T0);

        Assert.True(queue.Accept("a1", "c1"));

        Assert.Equal("c1", queue.CallOf("a1"));
        Assert.Equal(["c2"], queue.WaitingCallIds);
        Assert.Equal(1, queue.PositionOf("c2"));
        Assert.Empty(queue.Dispatch(T0.AddSeconds(2)));
    }

    [Fact]
    public void Accept_OfferMadeToAnotherAgent_Refused()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.SetStatus("a2", AgentStatus.Busy, T0);
        queue.Enqueue("c1", T0);
        queue.Dispatch(T0);

        Assert.False(queue.Accept("a2", "c1"));
        Assert.Equal(1, queue.PositionOf("c1"));
    }

    [Fact]
    public void EndCall_AgentStillAvailable_GetsTheNextCall()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0);
        queue.Dispatch(T0);
        queue.Accept("a1", "c1");
        queue.Enqueue("c2", T0.AddSeconds(5));
        Assert.Empty(queue.Dispatch(T0.AddSeconds(5)));

        queue.EndCall("a1", T0.AddSeconds(30));

        Assert.Equal("c2", Assert.Single(queue.Dispatch(T0.AddSeconds(30))).CallId);
    }

    [Fact]
    public void ExpireOffers_TimeoutPassed_WithdrawsOfferSetsAgentAwayAndOffersNextAgent()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0);
        queue.Dispatch(T0);
        queue.SetStatus("a2", AgentStatus.Available, T0.AddSeconds(1));

        Assert.Empty(queue.ExpireOffers(T0.AddSeconds(19)));
        var expired = Assert.Single(queue.ExpireOffers(T0.AddSeconds(20)));

        Assert.Equal("a1", expired.AgentId);
        Assert.Equal(AgentStatus.Away, queue.StatusOf("a1"));
        Assert.Equal("a2", Assert.Single(queue.Dispatch(T0.AddSeconds(20))).AgentId);
    }

    [Fact]
    public void Remove_OfferedCall_WithdrawsTheOffer()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.Enqueue("c1", T0);
        queue.Dispatch(T0);

        Assert.True(queue.Remove("c1"));

        Assert.Null(queue.OfferFor("a1"));
        Assert.False(queue.Accept("a1", "c1"));
    }

    [Fact]
    public void SetStatus_AgentGoesAwayWhileOffered_CallIsOfferedAgain()
    {
        var queue = NewQueue();
        queue.SetStatus("a1", AgentStatus.Available, T0);
        queue.SetStatus("a2", AgentStatus.Available, T0.AddSeconds(1));
        queue.Enqueue("c1", T0.AddSeconds(2));
        queue.Dispatch(T0.AddSeconds(2));

        queue.SetStatus("a1", AgentStatus.Away, T0.AddSeconds(3));

        Assert.Null(queue.OfferOf("c1"));
        Assert.Equal("a2", Assert.Single(queue.Dispatch(T0.AddSeconds(3))).AgentId);
    }
}
