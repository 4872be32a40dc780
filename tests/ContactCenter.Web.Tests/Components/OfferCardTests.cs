using Bunit;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class OfferCardTests : MudTestContext
{
    private static readonly OfferView Offer = new("call-1", "Carol", "web-caller", Samples.Now.AddSeconds(-75), Samples.Now.AddSeconds(12));

    [Fact]
    public void Render_Offer_ShowsCallerNameWaitingTimeAndSecondsLeft()
    {
        var cut = Render<OfferCard>(p => p.Add(c => c.Offer, Offer).Add(c => c.Now, Samples.Now));

        Assert.Equal("Carol", cut.Find("[data-testid=offer-caller]").TextContent.Trim());
        Assert.Contains("01:15", cut.Find("[data-testid=offer-waiting]").TextContent, StringComparison.Ordinal);
        Assert.Contains("12 s", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WebCaller_ChannelInWordsNoInternalTag()
    {
        var cut = Render<OfferCard>(p => p.Add(c => c.Offer, Offer).Add(c => c.Now, Samples.Now));

        Assert.Equal("Incoming call · Web call", cut.Find("[data-testid=offer-channel]").TextContent.Trim());
        Assert.DoesNotContain("web-caller", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptClick_RaisesOnAcceptOnly()
    {
        var accepted = 0;
        var declined = 0;
        var cut = Render<OfferCard>(p => p
            .Add(c => c.Offer, Offer)
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.OnAccept, () => accepted++)
            .Add(c => c.OnDecline, () => declined++));

        cut.Find("[data-testid=offer-accept]").Click();

        Assert.Equal((1, 0), (accepted, declined));
    }

    [Fact]
    public void DeclineClick_RaisesOnDeclineOnly()
    {
        var accepted = 0;
        var declined = 0;
        var cut = Render<OfferCard>(p => p
            .Add(c => c.Offer, Offer)
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.OnAccept, () => accepted++)
            .Add(c => c.OnDecline, () => declined++));

        cut.Find("[data-testid=offer-decline]").Click();

        Assert.Equal((0, 1), (accepted, declined));
    }

    [Fact]
    public void Render_Busy_DisablesBothButtons()
    {
        var cut = Render<OfferCard>(p => p.Add(c => c.Offer, Offer).Add(c => c.Now, Samples.Now).Add(c => c.Busy, true));

        Assert.True(cut.Find("[data-testid=offer-accept]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=offer-decline]").HasAttribute("disabled"));
    }
}
