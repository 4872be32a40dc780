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
    public void Render_SupervisorMonitoring_CurrentModeDisabledLeaveEnabled()
    {
        var cut = RenderButtons(Samples.Connected(CallMode.Monitor, supervisors: [Samples.Supervisor]));

        Assert.True(Disabled(cut, "monitor"));
        Assert.False(Disabled(cut, "whisper"));
        Assert.False(Disabled(cut, "leave"));
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
