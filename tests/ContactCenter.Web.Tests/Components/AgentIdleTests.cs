using Bunit;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class AgentIdleTests : MudTestContext
{
    [Theory]
    [InlineData(0, "You are available. Nobody is waiting.")]
    [InlineData(1, "You are available. 1 caller is waiting.")]
    [InlineData(3, "You are available. 3 callers are waiting.")]
    public void Render_Available_WaitingCountInCorrectPlural(int waiting, string text)
    {
        var cut = Render<AgentIdle>(p => p.Add(c => c.Status, AgentStatus.Available).Add(c => c.Waiting, waiting));

        Assert.Equal(text, cut.Find("[data-testid=agent-waiting]").TextContent.Trim());
        Assert.DoesNotContain("(s)", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissedCall_SaysWhyTheAgentIsAway()
    {
        var cut = Render<AgentIdle>(p => p.Add(c => c.Status, AgentStatus.Away).Add(c => c.MissedCall, true));

        Assert.Contains("You missed a call, so you were set to Away", cut.Find("[data-testid=missed-call]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoMissedCall_NoNotice()
    {
        var cut = Render<AgentIdle>(p => p.Add(c => c.Status, AgentStatus.Away));

        Assert.Empty(cut.FindAll("[data-testid=missed-call]"));
    }

    [Fact]
    public void EnableNotifications_NotAskedYet_ButtonAsksInTheClick()
    {
        var asked = false;
        var cut = Render<AgentIdle>(p => p
            .Add(c => c.Status, AgentStatus.Available)
            .Add(c => c.NotificationPermission, "default")
            .Add(c => c.OnEnableNotifications, () => asked = true));

        var button = cut.Find("[data-testid=enable-notifications]");
        Assert.True(button.HasAttribute("data-cc-ask-notifications"));
        button.Click();

        Assert.True(asked);
    }

    [Theory]
    [InlineData("granted")]
    [InlineData("denied")]
    [InlineData("unsupported")]
    public void Render_NotificationsAnswered_NoButton(string permission)
    {
        var cut = Render<AgentIdle>(p => p.Add(c => c.Status, AgentStatus.Available).Add(c => c.NotificationPermission, permission));

        Assert.Empty(cut.FindAll("[data-testid=enable-notifications]"));
    }
}
