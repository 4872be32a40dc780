using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class DeskWatchTests
{
    private static readonly OfferView Offer = new("call-1", "Carol", "web-caller", Samples.Now, Samples.Now.AddSeconds(20));

    private static AgentDeskView Desk(AgentStatus status, OfferView? offer = null, LiveCallView? call = null) => new(status, offer, call, false);

    [Fact]
    public void Observe_NewOffer_StartsRinging()
    {
        var watch = new DeskWatch();
        watch.Observe(Desk(AgentStatus.Available));

        var change = watch.Observe(Desk(AgentStatus.Available, Offer));

        Assert.Equal(Offer, change.StartRinging);
        Assert.False(watch.MissedCall);
    }

    [Fact]
    public void Observe_SameOfferAgain_NothingNew()
    {
        var watch = new DeskWatch();
        watch.Observe(Desk(AgentStatus.Available, Offer));

        Assert.Equal(default, watch.Observe(Desk(AgentStatus.Available, Offer)));
    }

    [Fact]
    public void Observe_OfferRingsOutAgentSetAway_StopsRingingAndMissedCall()
    {
        var watch = new DeskWatch();
        watch.Observe(Desk(AgentStatus.Available, Offer));

        var change = watch.Observe(Desk(AgentStatus.Away));

        Assert.True(change.StopRinging);
        Assert.True(watch.MissedCall);
    }

    [Fact]
    public void Observe_AgentDeclines_NoMissedCall()
    {
        var watch = new DeskWatch();
        watch.Observe(Desk(AgentStatus.Available, Offer));

        watch.AgentActed();
        watch.Observe(Desk(AgentStatus.Available, Offer));   // a refresh before the decline lands
        var change = watch.Observe(Desk(AgentStatus.Away));
        watch.ActionDone();

        Assert.True(change.StopRinging);
        Assert.False(watch.MissedCall);
    }

    [Fact]
    public void Observe_CallerHangsUpWhileRinging_NoMissedCall()
    {
        var watch = new DeskWatch();
        watch.Observe(Desk(AgentStatus.Available, Offer));

        var change = watch.Observe(Desk(AgentStatus.Available));

        Assert.True(change.StopRinging);
        Assert.False(watch.MissedCall);
    }

    [Fact]
    public void Observe_Accepted_StopsRinging()
    {
        var watch = new DeskWatch();
        watch.Observe(Desk(AgentStatus.Available, Offer));

        var change = watch.Observe(Desk(AgentStatus.Available, call: Samples.Connected()));

        Assert.True(change.StopRinging);
        Assert.False(watch.MissedCall);
    }

    [Fact]
    public void MissedCall_AgentPicksStatus_Cleared()
    {
        var watch = new DeskWatch();
        watch.Observe(Desk(AgentStatus.Available, Offer));
        watch.Observe(Desk(AgentStatus.Away));

        watch.AgentActed();
        watch.Observe(Desk(AgentStatus.Available));
        watch.ActionDone();

        Assert.False(watch.MissedCall);
    }

    [Fact]
    public void Observe_RingOutAfterAnEarlierClick_StillMissedCall()
    {
        var watch = new DeskWatch();
        watch.AgentActed();
        watch.Observe(Desk(AgentStatus.Available));
        watch.ActionDone();
        watch.Observe(Desk(AgentStatus.Available, Offer));

        watch.Observe(Desk(AgentStatus.Away));

        Assert.True(watch.MissedCall);
    }
}
