using ContactCenter.Core.Agents;
using ContactCenter.Core.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// A customer calls from /call; the agent is offered the call and accepts; the supervisor sees it live, monitors,
/// whispers (the matrix shows supervisor → agent and nothing to the customer) and leaves; the agent hangs up and
/// the call shows in the admin's usage report. Audio is asserted with each browser's getStats (two-way, and none from the
/// whispering supervisor at the customer).
/// </summary>
[Collection(UiCollection.Name)]
public sealed class CallFlowTests(UiFixture fixture)
{
    private const string Caller = "Carol Example";

    /// <summary>Streams appear after a renegotiation; with the SFU's own e2e running alongside, that can take a while.</summary>
    private static readonly LocatorAssertionsToHaveCountOptions MediaWait = new() { Timeout = 45_000 };

    [Fact]
    public async Task WebCall_AgentAcceptsSupervisorWhispers_AllPagesFollow()
    {
        var agent = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(agent, "Agent", "/agent");
        await UiSteps.WaitInteractiveAsync(agent);
        await agent.GetByTestId("status-available").ClickAsync();
        await Expect(agent.GetByTestId("status-available")).ToHaveAttributeAsync("aria-pressed", "true");

        var supervisor = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(supervisor, "Supervisor", "/supervisor");
        await UiSteps.WaitInteractiveAsync(supervisor);
        await Expect(supervisor.GetByTestId("no-calls")).ToBeVisibleAsync();

        // The customer calls.
        var customer = await fixture.NewPageAsync();
        await customer.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(customer);
        await UiSteps.ScreenshotAsync(customer, "call-form");
        await customer.Locator("[data-testid=caller-name] input").FillAsync(Caller);
        await customer.GetByTestId("call-button").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Waiting for an agent|Connecting you"));

        // The agent is offered it; the supervisor sees it waiting.
        await Expect(agent.GetByTestId("offer-caller")).ToHaveTextAsync(Caller);
        await UiSteps.ScreenshotAsync(agent, "agent-offer");
        await Expect(supervisor.GetByTestId("row-customer")).ToHaveTextAsync(Caller);
        await UiSteps.ScreenshotAsync(customer, "call-waiting");

        // The agent accepts: both sides connected.
        await agent.GetByTestId("offer-accept").ClickAsync();
        await Expect(agent.GetByTestId("call-customer")).ToHaveTextAsync(Caller);
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        await Expect(supervisor.GetByTestId("row-agent")).ToHaveTextAsync("Agent");
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Fully wired");
        await UiSteps.ScreenshotAsync(customer, "call-connected");

        // Keypad digits from the call's DTMF feed (the SIP bridge publishes there) appear on the agent's desk.
        var center = fixture.Host.Services.GetRequiredService<CallCenter>();
        var callId = center.ActiveCalls.Single(c => c.CustomerName == Caller).CallId;
        var dtmf = fixture.Host.Services.GetRequiredService<IDtmfFeed>();
        foreach (var digit in "12#")
        {
            dtmf.Publish(callId, digit);
        }

        await Expect(agent.GetByTestId("dtmf-digits")).ToHaveTextAsync("12#");

        // Two-way audio, as each browser's getStats sees it: bytes from the other party keep arriving.
        var live = center.ActiveCalls.Single(c => c.CallId == callId);
        var agentParticipant = live.Agents.Single().ParticipantId;
        await PageAudio.WaitForGrowingAudioAsync(customer, agentParticipant);
        await PageAudio.WaitForGrowingAudioAsync(agent, live.CustomerParticipantId);

        // The supervisor monitors, then whispers.
        await supervisor.GetByTestId("action-monitor").ClickAsync();
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Monitor");
        await supervisor.GetByTestId("action-whisper").ClickAsync();
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Whisper");
        await Expect(agent.GetByTestId("whisper-indicator")).ToBeVisibleAsync();
        await UiSteps.ScreenshotAsync(agent, "agent-whispered");

        var matrix = supervisor.GetByTestId("who-hears-whom");
        var edgeCells = "td[data-publisher][data-subscriber]";
        await Expect(matrix.Locator(edgeCells)).ToHaveCountAsync(6);
        var cells = await matrix.Locator(edgeCells).EvaluateAllAsync<string[]>(
            "tds => tds.map(td => td.closest('tr').querySelector('th .cc-role').textContent + '<-' + " +
            "td.closest('table').querySelectorAll('thead th')[td.cellIndex].querySelector('.cc-role').textContent + '=' + td.dataset.hears)");
        Assert.Contains("agent<-supervisor=yes", cells);
        Assert.Contains("customer<-supervisor=no", cells);
        Assert.Contains("customer<-agent=yes", cells);

        // The supervisor's page publishes its (fake) microphone: the SFU's counters show it reaching the agent.
        var supervisorToAgent = matrix.Locator("tbody tr:has(th .cc-role:text-is('agent')) td[data-hears=yes]").Last;
        await Expect(supervisorToAgent).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cc-flowing"), new() { Timeout = 45_000 });
        await UiSteps.ScreenshotAsync(supervisor, "supervisor-whisper");

        // The customer plays one received stream (the agent's), the agent two (customer and whispering supervisor).
        await Expect(customer.Locator("audio[data-cc-remote]")).ToHaveCountAsync(1, MediaWait);
        await Expect(agent.Locator("audio[data-cc-remote]")).ToHaveCountAsync(2, MediaWait);

        // getStats: the agent receives the whispering supervisor; the customer receives nothing from them, sampled
        // across the phase, while the agent's audio keeps reaching the customer.
        var supervisorParticipant = center.ActiveCalls.Single(c => c.CallId == callId).Supervisors.Single().ParticipantId;
        await PageAudio.WaitForGrowingAudioAsync(agent, supervisorParticipant);
        for (int sample = 0; sample < 3; sample++)
        {
            await PageAudio.WaitForGrowingAudioAsync(customer, agentParticipant);
            Assert.Equal(0, await PageAudio.AudioBytesFromAsync(customer, supervisorParticipant));
        }

        // The customer's page shows nothing of the supervisor.
        var customerText = await customer.GetByTestId("caller-panel").InnerTextAsync();
        Assert.DoesNotContain("supervis", customerText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("whisper", customerText, StringComparison.OrdinalIgnoreCase);

        // The supervisor barges: now the customer hears the supervisor too.
        await supervisor.GetByTestId("action-barge").ClickAsync();
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Barge");
        await Expect(matrix.Locator("tbody tr:has(th .cc-role:text-is('customer')) td[data-hears=yes]")).ToHaveCountAsync(2);
        await Expect(agent.GetByTestId("whisper-indicator")).ToHaveCountAsync(0);
        await Expect(customer.Locator("audio[data-cc-remote]")).ToHaveCountAsync(2, MediaWait);

        // The supervisor leaves: the call is fully wired again.
        await supervisor.GetByTestId("action-leave").ClickAsync();
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Fully wired");
        await Expect(matrix.Locator("td[data-hears]")).ToHaveCountAsync(2);

        // The agent hangs up: the call leaves the live table and the caller sees it ended.
        await agent.GetByTestId("agent-hangup").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Call ended");
        await Expect(supervisor.GetByTestId("no-calls")).ToBeVisibleAsync();

        // The agent wraps up (no disposition codes are configured on this host: a note only), then is idle again.
        await Expect(agent.GetByTestId("agent-state")).ToHaveTextAsync("Wrap-up");
        await Expect(agent.GetByTestId("wrap-up-remaining")).ToBeVisibleAsync();
        await agent.Locator("[data-testid=wrap-up] textarea").FillAsync("Asked about the invoice.");
        await agent.GetByTestId("wrap-up-done").ClickAsync();
        await Expect(agent.GetByTestId("agent-idle")).ToBeVisibleAsync();
        await Expect(agent.GetByTestId("status-available")).ToHaveAttributeAsync("aria-pressed", "true");
        await UiSteps.ScreenshotAsync(customer, "call-ended");

        // The admin's usage report has the call's participant-minutes by tag.
        var admin = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(admin, "Admin", "/admin");
        await UiSteps.WaitInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Usage by tag" }).ClickAsync();
        await Expect(admin.GetByTestId("usage-total-web-caller")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("usage-total-agent")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("usage-total-supervisor")).ToBeVisibleAsync();
        await UiSteps.ScreenshotAsync(admin, "admin-usage");

        var csv = await admin.Context.APIRequest.GetAsync("/admin/usage.csv");
        Assert.Equal(200, csv.Status);
        Assert.Contains(",web-caller,", await csv.TextAsync(), StringComparison.Ordinal);

        foreach (var page in new[] { agent, supervisor, customer, admin })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task WebCall_CallerClosesPage_CallLeavesTheQueue()
    {
        var supervisor = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(supervisor, "Supervisor", "/supervisor");
        await UiSteps.WaitInteractiveAsync(supervisor);
        var customer = await fixture.NewPageAsync();
        await customer.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(customer);
        await customer.Locator("[data-testid=caller-name] input").FillAsync("Gone Soon");
        await customer.GetByTestId("call-button").ClickAsync();
        var row = supervisor.GetByTestId("row-customer").Filter(new() { HasText = "Gone Soon" });
        await Expect(row).ToHaveCountAsync(1);

        // Closing the tab sends Blazor's disconnect beacon and closes the media connection: the customer is gone, and
        // the call ends when the grace period (10 s here) passes without the page coming back.
        await customer.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });

        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await supervisor.Context.CloseAsync();
        await customer.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_NarrowScreen_RenderWithoutHorizontalScroll()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await UiSteps.SignInAsync(page, "Supervisor", "/supervisor");
        await UiSteps.WaitInteractiveAsync(page);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

        await UiSteps.ScreenshotAsync(page, "supervisor-narrow");
        Assert.False(overflow);
        await page.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(page);
        await UiSteps.ScreenshotAsync(page, "call-narrow");
        await page.Context.CloseAsync();
    }
}
