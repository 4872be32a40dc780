using Bunit;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Supervision;

namespace ContactCenter.Web.Tests.Components;

public sealed class AgentRosterTests : MudTestContext
{
    [Fact]
    public void Render_AgentsInEachState_StateInWordsAndTimeInState()
    {
        var rows = new[]
        {
            new RosterRow("u1", "Alice", AgentStatus.Available, Samples.Now.AddSeconds(-5)),
            new RosterRow("u2", "Bob", AgentStatus.OnCall, Samples.Now.AddMinutes(-3)),
            new RosterRow("u3", "Cleo", AgentStatus.WrapUp, Samples.Now.AddSeconds(-12)),
            new RosterRow("u4", "Dan", AgentStatus.Away, null),
            new RosterRow("u5", "Eve", AgentStatus.Busy, Samples.Now.AddHours(-1)),
        };

        var cut = Render<AgentRoster>(p => p.Add(c => c.Rows, rows).Add(c => c.Now, Samples.Now));

        Assert.Equal(["Available", "On call", "Wrap-up", "Away", "Busy"], cut.FindAll("[data-testid=roster-state]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["00:05", "03:00", "00:12", "—", "1:00:00"], cut.FindAll("[data-testid=roster-since]").Select(e => e.TextContent.Trim()));
        Assert.DoesNotContain("OnCall", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("WrapUp", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoAgents_SaysWhoAddsThem()
    {
        var cut = Render<AgentRoster>(p => p.Add(c => c.Rows, Array.Empty<RosterRow>()));

        Assert.Contains("admin adds staff users", cut.Find("[data-testid=roster-empty]").TextContent, StringComparison.Ordinal);
    }
}
