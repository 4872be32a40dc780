using Bunit;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class CallerStatusTests : MudTestContext
{
    [Theory]
    [InlineData(1, "You are next in line.")]
    [InlineData(3, "You are number 3 in line.")]
    public void Render_Waiting_ShowsPosition(int position, string text)
    {
        var cut = Render<CallerStatus>(p => p.Add(c => c.View, new CallerView("c", CallState.Waiting, position, null, null)).Add(c => c.Now, Samples.Now));

        Assert.Equal("Waiting for an agent", cut.Find("[data-testid=call-state]").TextContent.Trim());
        Assert.Equal(text, cut.Find("[data-testid=queue-position]").TextContent.Trim());
    }

    [Fact]
    public void Render_Connected_ShowsAgentAndTimer()
    {
        var cut = Render<CallerStatus>(p => p
            .Add(c => c.View, new CallerView("c", CallState.Connected, null, "Alice", Samples.Now.AddSeconds(-65)))
            .Add(c => c.Now, Samples.Now));

        Assert.Contains("Alice", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("01:05", cut.Find("[data-testid=call-timer]").TextContent.Trim());
    }

    [Fact]
    public void Render_Ended_ShowsEnded()
    {
        var cut = Render<CallerStatus>(p => p.Add(c => c.View, new CallerView("c", CallState.Ended, null, "Alice", null)).Add(c => c.Now, Samples.Now));

        Assert.Equal("Call ended", cut.Find("[data-testid=call-state]").TextContent.Trim());
    }

    [Fact]
    public void Render_ConnectedOnHold_AsksToHoldNotConnected()
    {
        var cut = Render<CallerStatus>(p => p
            .Add(c => c.View, new CallerView("c", CallState.Connected, null, "Alice", Samples.Now.AddSeconds(-65)))
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.OnHold, true));

        Assert.Equal("Please hold", cut.Find("[data-testid=call-state]").TextContent.Trim());
        Assert.Contains("consulting a colleague", cut.Find("[data-testid=hold-reason]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("supervis", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
