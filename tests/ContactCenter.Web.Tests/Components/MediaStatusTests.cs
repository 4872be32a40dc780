using Bunit;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;
using ContactCenter.Web.Components.Shared;

namespace ContactCenter.Web.Tests.Components;

public sealed class MediaStatusTests : MudTestContext
{
    [Fact]
    public void Render_Blocked_SaysTheNetworkBlocksTheAudio()
    {
        var cut = Render<MediaStatus>(p => p.Add(c => c.State, MediaStates.Blocked));

        Assert.StartsWith("Your network is blocking the call audio", cut.Find("[data-testid=media-blocked]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=media-reconnecting]"));
    }

    [Fact]
    public void Render_Flowing_ShowsNoAlert()
    {
        var cut = Render<MediaStatus>(p => p.Add(c => c.State, MediaStates.Flowing));

        Assert.Empty(cut.FindAll("[data-testid=media-blocked]"));
    }

    [Fact]
    public void CallerStatus_ConnectedButMediaBlocked_SaysBlockedNotConnected()
    {
        var cut = Render<CallerStatus>(p => p
            .Add(c => c.View, new CallerView("c", CallState.Connected, null, "Alice", Samples.Now.AddSeconds(-12)))
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.MediaBlocked, true));

        Assert.Equal("Your network is blocking the call audio…", cut.Find("[data-testid=call-state]").TextContent.Trim());
        Assert.DoesNotContain(">Connected<", cut.Markup, StringComparison.Ordinal);
    }
}
