using System.Diagnostics;
using System.Text.RegularExpressions;
using ContactCenter.Core.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// A page reloaded in the middle of a call rejoins it: the agent's desk and the customer's page (with the resume
/// secret only its tab holds) reconnect their media, say "Reconnecting…" meanwhile, and the other side never sees the
/// call end. Audio is asserted with each browser's getStats.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class RejoinTests(UiFixture fixture, ITestOutputHelper output)
{
    /// <summary>Records every call-state text the page shows, so a test can say one never appeared.</summary>
    private const string RecordStates =
        "() => { window.__ccStates = []; new MutationObserver(() => { const e = document.querySelector('[data-testid=call-state]'); " +
        "if (e && window.__ccStates[window.__ccStates.length - 1] !== e.textContent) window.__ccStates.push(e.textContent); })" +
        ".observe(document.body, { subtree: true, childList: true, characterData: true }); }";

    [Fact]
    public async Task AgentReloadsMidCall_AudioBackBothWaysAndCustomerNeverSawEnded()
    {
        var (agent, customer, callId) = await ConnectedCallAsync("Reload Agent Caller");
        var center = fixture.Host.Services.GetRequiredService<CallCenter>();
        var live = center.GetCall(callId)!;
        var agentPid = live.Agents.Single().ParticipantId;
        await customer.EvaluateAsync(RecordStates);

        var clock = Stopwatch.StartNew();
        await agent.ReloadAsync();
        await Expect(agent.GetByTestId("call-customer")).ToHaveTextAsync("Reload Agent Caller");
        await PageAudio.WaitForGrowingAudioAsync(agent, live.CustomerParticipantId);
        await PageAudio.WaitForGrowingAudioAsync(customer, agentPid);
        clock.Stop();
        output.WriteLine($"agent reload → two-way audio: {clock.ElapsedMilliseconds} ms");

        await Expect(agent.GetByTestId("media-reconnecting")).ToHaveCountAsync(0);
        Assert.Equal(agentPid, center.GetCall(callId)!.Agents.Single().ParticipantId);
        var states = await customer.EvaluateAsync<string[]>("() => window.__ccStates");
        Assert.DoesNotContain(states, s => s.Contains("ended", StringComparison.OrdinalIgnoreCase));
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        await CloseAsync(agent, customer, callId);
    }

    [Fact]
    public async Task CustomerReloadsMidCall_ResumesTheSameCallWithAudio()
    {
        var (agent, customer, callId) = await ConnectedCallAsync("Reload Customer");
        var center = fixture.Host.Services.GetRequiredService<CallCenter>();
        var live = center.GetCall(callId)!;
        await agent.EvaluateAsync(RecordStates);

        await customer.ReloadAsync();

        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        await PageAudio.WaitForGrowingAudioAsync(customer, live.Agents.Single().ParticipantId);
        await PageAudio.WaitForGrowingAudioAsync(agent, live.CustomerParticipantId);
        Assert.Equal(CallState.Connected, center.GetCallerView(callId)?.State);
        await CloseAsync(agent, customer, callId);
    }

    [Fact]
    public async Task SecondTabWithACopiedResumeSecret_RefusedAndTheFirstTabKeepsTheCall()
    {
        var (agent, customer, callId) = await ConnectedCallAsync("Two Tabs");
        var center = fixture.Host.Services.GetRequiredService<CallCenter>();
        var saved = await customer.EvaluateAsync<string>("() => sessionStorage.getItem('cc-call-resume')");

        // The first tab reloads: it resumes and its secret is replaced. A second tab with the old secret is refused.
        await customer.ReloadAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        var other = await customer.Context.NewPageAsync();
        await other.AddInitScriptAsync($"sessionStorage.setItem('cc-call-resume', {System.Text.Json.JsonSerializer.Serialize(saved)});");
        await other.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(other);

        await Expect(other.GetByTestId("caller-error")).ToContainTextAsync("another tab");
        Assert.Equal(CallState.Connected, center.GetCallerView(callId)?.State);
        await PageAudio.WaitForGrowingAudioAsync(customer, center.GetCall(callId)!.Agents.Single().ParticipantId);
        await other.CloseAsync();
        await CloseAsync(agent, customer, callId);
    }

    [Fact]
    public async Task SupervisorReloadsWhileWhispering_RejoinsAndTheWhisperHolds()
    {
        var (agent, customer, callId) = await ConnectedCallAsync("Reload Supervisor Caller");
        var supervisor = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(supervisor, "Supervisor", "/supervisor");
        await UiSteps.WaitInteractiveAsync(supervisor);
        var row = supervisor.Locator("tr", new() { Has = supervisor.GetByTestId("row-customer").GetByText("Reload Supervisor Caller") });
        await row.GetByTestId("action-whisper").ClickAsync();
        await Expect(row.GetByTestId("row-mode")).ToHaveTextAsync("Whisper");
        var center = fixture.Host.Services.GetRequiredService<CallCenter>();
        var live = center.GetCall(callId)!;
        var supervisorPid = live.Supervisors.Single().ParticipantId;
        await PageAudio.WaitForGrowingAudioAsync(agent, supervisorPid);

        await supervisor.ReloadAsync();

        await PageAudio.WaitForGrowingAudioAsync(supervisor, live.CustomerParticipantId);
        await PageAudio.WaitForGrowingAudioAsync(agent, supervisorPid);
        Assert.Equal(0, await PageAudio.AudioBytesFromAsync(customer, supervisorPid));
        Assert.Equal(supervisorPid, center.GetCall(callId)!.Supervisors.Single().ParticipantId);
        await Expect(supervisor.GetByTestId("media-reconnecting")).ToHaveCountAsync(0);
        await supervisor.Context.CloseAsync();
        await CloseAsync(agent, customer, callId);
    }

    /// <summary>
    /// A network blip on the agent's media signaling: its WebSocket is cut and new ones refused for a while. The SDK
    /// reconnects with back-off, rejoins (new connections, publishes again), the desk says "Reconnecting…" meanwhile,
    /// and audio flows both ways again.
    /// </summary>
    [Fact]
    public async Task AgentSignalingCutForAWhile_SdkReconnectsAndAudioFlowsAgain()
    {
        IWebSocketRoute? current = null;
        var refuse = false;
        var (agent, customer, callId) = await ConnectedCallAsync("Blip Caller", async page =>
            await page.RouteWebSocketAsync(new Regex("/hubs/rtc"), ws =>
            {
                if (refuse)
                {
                    _ = ws.CloseAsync();
                    return;
                }

                current = ws;
                ws.ConnectToServer();
            }));
        var live = fixture.Host.Services.GetRequiredService<CallCenter>().GetCall(callId)!;

        refuse = true;
        await current!.CloseAsync();
        await Expect(agent.GetByTestId("media-reconnecting")).ToBeVisibleAsync();
        await Task.Delay(2000);
        refuse = false;

        await Expect(agent.GetByTestId("media-reconnecting")).ToHaveCountAsync(0);
        await PageAudio.WaitForGrowingAudioAsync(agent, live.CustomerParticipantId);
        await PageAudio.WaitForGrowingAudioAsync(customer, live.Agents.Single().ParticipantId);
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        await CloseAsync(agent, customer, callId);
    }

    private async Task<(IPage Agent, IPage Customer, string CallId)> ConnectedCallAsync(string caller, Func<IPage, Task>? prepareAgent = null)
    {
        var agent = await fixture.NewPageAsync();
        if (prepareAgent is not null)
        {
            await prepareAgent(agent);
        }

        await UiSteps.SignInAsync(agent, "Agent", "/agent");
        await UiSteps.WaitInteractiveAsync(agent);
        await agent.GetByTestId("status-available").ClickAsync();
        var customer = await fixture.NewPageAsync();
        await customer.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(customer);
        await customer.Locator("[data-testid=caller-name] input").FillAsync(caller);
        await customer.GetByTestId("call-button").ClickAsync();
        await Expect(agent.GetByTestId("offer-caller")).ToHaveTextAsync(caller);
        await agent.GetByTestId("offer-accept").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        var center = fixture.Host.Services.GetRequiredService<CallCenter>();
        var live = center.ActiveCalls.Single(c => c.CustomerName == caller);
        await PageAudio.WaitForGrowingAudioAsync(agent, live.CustomerParticipantId);
        await PageAudio.WaitForGrowingAudioAsync(customer, live.Agents.Single().ParticipantId);
        return (agent, customer, live.CallId);
    }

    private static async Task CloseAsync(IPage agent, IPage customer, string callId)
    {
        await agent.GetByTestId("agent-hangup").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Call ended");
        await agent.GetByTestId("status-away").ClickAsync();
        Assert.NotNull(callId);
        await agent.Context.CloseAsync();
        await customer.Context.CloseAsync();
    }
}
