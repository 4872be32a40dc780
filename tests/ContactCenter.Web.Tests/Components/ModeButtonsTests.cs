using Bunit;
using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Supervision;

namespace ContactCenter.Web.Tests.Components;

public sealed class ModeButtonsTests : MudTestContext
{
    private IRenderedComponent<ModeButtons> RenderButtons(LiveCallView call, Action<SupervisorActionRequest>? onAction = null) =>
        Render<ModeButtons>(p => p
            .Add(c => c.Call, call)
            .Add(c => c.SupervisorUserId, Samples.Supervisor.UserId)
            .Add(c => c.OnAction, (SupervisorActionRequest r) => onAction?.Invoke(r)));

    private static bool Disabled(IRenderedComponent<ModeButtons> cut, string action) =>
        cut.Find($"[data-testid=action-{action}]").HasAttribute("disabled");

    [Fact]
    public void Render_ConnectedCallSupervisorAbsent_ModesEnabledLeaveDisabled()
    {
        var cut = RenderButtons(Samples.Connected());

        Assert.All(["monitor", "whisper", "barge", "takeover", "consult"], a => Assert.False(Disabled(cut, a), a));
        Assert.True(Disabled(cut, "leave"));
    }

    [Fact]
    public void Render_WaitingCall_EveryButtonDisabled()
    {
        var cut = RenderButtons(Samples.Waiting());

        Assert.All(["monitor", "whisper", "barge", "takeover", "consult", "leave"], a => Assert.True(Disabled(cut, a), a));
    }

    [Fact]
    public void Render_SupervisorMonitoring_CurrentModeSelectedNotDisabledLeaveEnabled()
    {
        var raised = 0;
        var cut = RenderButtons(Samples.Connected(CallMode.Monitor, supervisors: [Samples.Supervisor]), _ => raised++);

        var monitor = cut.Find("[data-testid=action-monitor]");
        Assert.False(monitor.HasAttribute("disabled"));
        Assert.Equal("true", monitor.GetAttribute("aria-pressed"));
        Assert.Contains("mud-button-filled", monitor.ClassName, StringComparison.Ordinal);
        Assert.Equal("false", cut.Find("[data-testid=action-whisper]").GetAttribute("aria-pressed"));
        Assert.False(Disabled(cut, "whisper"));
        Assert.False(Disabled(cut, "leave"));

        monitor.Click();
        Assert.Equal(0, raised);
    }

    [Fact]
    public void Render_TakeOverButton_SaysTakeOverInWords()
    {
        var cut = RenderButtons(Samples.Connected());

        Assert.Equal("Take over", cut.Find("[data-testid=action-takeover]").TextContent.Trim());
    }

    [Fact]
    public void Render_CallWithoutAgent_AgentModesDisabledTakeOverEnabled()
    {
        var cut = RenderButtons(Samples.Connected(CallMode.TakeOver, agents: [], supervisors: [Samples.Supervisor]));

        Assert.All(["monitor", "whisper", "barge", "consult"], a => Assert.True(Disabled(cut, a), a));
        Assert.False(Disabled(cut, "leave"));
    }

    [Fact]
    public void GroupWhisper_NoAgentSelected_DisabledUntilAgentsTicked()
    {
        SupervisorActionRequest? raised = null;
        var cut = RenderButtons(Samples.Connected(agents: [Samples.Agent, Samples.Agent2]), r => raised = r);
        Assert.True(Disabled(cut, "groupwhisper"));

        var box = cut.Find($"[data-testid=coach-{Samples.Agent2.ParticipantId}]");
        (box.TagName == "INPUT" ? box : box.QuerySelector("input")!).Change(true);
        cut.Find("[data-testid=action-groupwhisper]").Click();

        Assert.Equal(SupervisorAction.GroupWhisper, raised?.Action);
        Assert.Equal([Samples.Agent2.ParticipantId], raised?.CoachedAgentIds);
    }

    [Fact]
    public void WhisperClick_RaisesActionForThisCall()
    {
        SupervisorActionRequest? raised = null;
        var cut = RenderButtons(Samples.Connected(), r => raised = r);

        cut.Find("[data-testid=action-whisper]").Click();

        Assert.NotNull(raised);
        Assert.Equal(("call-1", SupervisorAction.Whisper), (raised.CallId, raised.Action));
        Assert.Empty(raised.CoachedAgentIds);
    }
}
