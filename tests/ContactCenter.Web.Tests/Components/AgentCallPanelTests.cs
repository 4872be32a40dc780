using Bunit;
using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class AgentCallPanelTests : MudTestContext
{
    [Fact]
    public void Render_Whispered_ShowsWhisperIndicator()
    {
        var cut = Render<AgentCallPanel>(p => p
            .Add(c => c.Call, Samples.Connected(CallMode.Whisper, supervisors: [Samples.Supervisor]))
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.IsWhispered, true));

        Assert.NotNull(cut.Find("[data-testid=whisper-indicator]"));
        Assert.Contains("02:00", cut.Find("[data-testid=call-timer]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NotWhispered_NoIndicator()
    {
        var cut = Render<AgentCallPanel>(p => p.Add(c => c.Call, Samples.Connected()).Add(c => c.Now, Samples.Now));

        Assert.Empty(cut.FindAll("[data-testid=whisper-indicator]"));
    }

    [Fact]
    public void Render_TakenOver_ShowsTakeOverNoticeNotWhisper()
    {
        var cut = Render<AgentCallPanel>(p => p
            .Add(c => c.Call, Samples.Connected(CallMode.TakeOver, supervisors: [Samples.Supervisor]))
            .Add(c => c.Now, Samples.Now));

        Assert.NotNull(cut.Find("[data-testid=takeover-indicator]"));
        Assert.Empty(cut.FindAll("[data-testid=whisper-indicator]"));
    }

    [Fact]
    public void Render_WebCaller_ChannelInWordsAndPreviewStage()
    {
        var cut = Render<AgentCallPanel>(p => p.Add(c => c.Call, Samples.Connected()).Add(c => c.Now, Samples.Now));

        Assert.Equal("Web call", cut.Find("[data-testid=call-channel]").TextContent.Trim());
        Assert.DoesNotContain("web-caller", cut.Markup, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=local-video]").HasAttribute("data-cc-local-stage"));
    }

    [Theory]
    [InlineData(true, false, false, "Unmute", "Camera on", "Share screen")]
    [InlineData(false, true, true, "Mute", "Camera off", "Stop sharing")]
    public void Render_DeviceState_ButtonsSayWhatTheyWillDo(bool muted, bool camera, bool sharing, string mute, string cameraText, string share)
    {
        var cut = Render<AgentCallPanel>(p => p
            .Add(c => c.Call, Samples.Connected())
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.Muted, muted)
            .Add(c => c.CameraOn, camera)
            .Add(c => c.Sharing, sharing));

        Assert.Equal(mute, cut.Find("[data-testid=mute-button]").TextContent.Trim());
        Assert.Equal(cameraText, cut.Find("[data-testid=camera-button]").TextContent.Trim());
        Assert.Equal(share, cut.Find("[data-testid=share-button]").TextContent.Trim());
    }

    [Fact]
    public void Render_Digits_ShowsThemInsteadOfPlaceholder()
    {
        var cut = Render<AgentCallPanel>(p => p.Add(c => c.Call, Samples.Connected()).Add(c => c.Now, Samples.Now).Add(c => c.Digits, "12#"));

        Assert.Equal("12#", cut.Find("[data-testid=dtmf-digits]").TextContent.Trim());
    }

    [Fact]
    public void HangUpClick_RaisesOnHangUp()
    {
        var hungUp = false;
        var cut = Render<AgentCallPanel>(p => p
            .Add(c => c.Call, Samples.Connected())
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.OnHangUp, () => hungUp = true));

        cut.Find("[data-testid=agent-hangup]").Click();

        Assert.True(hungUp);
    }

    [Fact]
    public void CallerStatus_ConnectedWhileMonitored_ShowsAgentAndNothingOfSupervisor()
    {
        // The caller's view type carries no supervisor data; the rendered page must not hint at one either.
        var view = new CallerView("call-1", CallState.Connected, null, "Alice", Samples.Now.AddMinutes(-1));

        var cut = Render<CallerStatus>(p => p.Add(c => c.View, view).Add(c => c.Now, Samples.Now));

        Assert.Contains("Alice", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("supervis", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("whisper", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
