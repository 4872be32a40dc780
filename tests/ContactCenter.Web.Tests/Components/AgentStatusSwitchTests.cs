using Bunit;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class AgentStatusSwitchTests : MudTestContext
{
    [Fact]
    public void Render_Busy_MarksOnlyBusyPressed()
    {
        var cut = Render<AgentStatusSwitch>(p => p.Add(c => c.Status, AgentStatus.Busy));

        Assert.Equal("true", cut.Find("[data-testid=status-busy]").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-testid=status-available]").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-testid=status-away]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void AvailableClick_RaisesOnChangeWithAvailable()
    {
        AgentStatus? chosen = null;
        var cut = Render<AgentStatusSwitch>(p => p.Add(c => c.Status, AgentStatus.Away).Add(c => c.OnChange, (AgentStatus s) => chosen = s));

        cut.Find("[data-testid=status-available]").Click();

        Assert.Equal(AgentStatus.Available, chosen);
    }
}
