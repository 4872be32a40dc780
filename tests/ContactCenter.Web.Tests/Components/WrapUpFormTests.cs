using Bunit;
using ContactCenter.Core.Desks;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class WrapUpFormTests : MudTestContext
{
    private static readonly CallRecord Ended = new("call-1", "Carol", "web-caller", "web:x", Samples.Now.AddMinutes(-5), Samples.Now.AddMinutes(-4),
        Samples.Now.AddSeconds(-5), ["Alice"]);

    private static readonly DispositionCode[] Codes = [new("k1", "Resolved", true), new("k2", "Call back", true)];

    [Fact]
    public void Render_CodesExist_DoneDisabledUntilACodeIsPicked()
    {
        (string? CodeId, string Note)? submitted = null;
        var cut = Render<WrapUpForm>(p => p
            .Add(c => c.WrapUp, new WrapUp(Ended, Codes, Samples.Now.AddSeconds(25)))
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.OnSubmit, choice => submitted = choice));

        Assert.True(cut.Find("[data-testid=wrap-up-done]").HasAttribute("disabled"));
        Assert.Contains("Pick a code", cut.Find("[data-testid=wrap-up-hint]").TextContent, StringComparison.Ordinal);

        cut.FindAll("[data-testid=wrap-up-code]")[1].Click();
        Assert.Equal("true", cut.FindAll("[data-testid=wrap-up-code]")[1].GetAttribute("aria-pressed"));
        Assert.False(cut.Find("[data-testid=wrap-up-done]").HasAttribute("disabled"));
        cut.Find("[data-testid=wrap-up] textarea").Input("Wants a call on Monday.");
        cut.Find("[data-testid=wrap-up-done]").Click();

        Assert.Equal(("k2", "Wants a call on Monday."), submitted);
    }

    [Fact]
    public void Render_NoCodes_DoneEnabledWithANoteOnly()
    {
        (string? CodeId, string Note)? submitted = null;
        var cut = Render<WrapUpForm>(p => p
            .Add(c => c.WrapUp, new WrapUp(Ended, [], Samples.Now.AddSeconds(25)))
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.OnSubmit, choice => submitted = choice));

        Assert.Empty(cut.FindAll("[data-testid=wrap-up-code]"));
        cut.Find("[data-testid=wrap-up-done]").Click();

        Assert.Equal((null, ""), submitted);
    }

    [Fact]
    public void Render_WrapUpTimer_TimeLeftCountsDownAndStopsAtZero()
    {
        var cut = Render<WrapUpForm>(p => p
            .Add(c => c.WrapUp, new WrapUp(Ended, Codes, Samples.Now.AddSeconds(25)))
            .Add(c => c.Now, Samples.Now));
        Assert.Equal("00:25 left", cut.Find("[data-testid=wrap-up-remaining]").TextContent.Trim());

        cut.Render(p => p.Add(c => c.Now, Samples.Now.AddSeconds(40)));

        Assert.Equal("00:00 left", cut.Find("[data-testid=wrap-up-remaining]").TextContent.Trim());
    }

    [Fact]
    public void Render_Busy_DoneDisabled()
    {
        var cut = Render<WrapUpForm>(p => p
            .Add(c => c.WrapUp, new WrapUp(Ended, [], null))
            .Add(c => c.Busy, true));

        Assert.True(cut.Find("[data-testid=wrap-up-done]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=wrap-up-remaining]"));
    }
}
