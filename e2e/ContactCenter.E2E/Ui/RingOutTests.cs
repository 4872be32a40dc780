using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// An offer that nobody answers: while it rings the desk plays a generated tone, flashes the tab title and shows a
/// browser notification (the agent allowed them); when it rings out the desk says why the agent is now Away.
/// Runs on its own host with a short offer timeout.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class RingOutTests(UiFixture fixture)
{
    private const int OfferTimeoutSeconds = 8;

    /// <summary>Records each notification the page creates (the real one has no window in headless Chromium).</summary>
    private const string RecordNotifications = """
        (() => {
            window.__ccNotified = [];
            const Original = window.Notification;
            if (!Original) return;
            class Recorded extends Original {
                constructor(title, options) {
                    window.__ccNotified.push(title + ' | ' + ((options && options.body) || ''));
                    super(title, options);
                }
            }
            Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
            Recorded.requestPermission = (...args) => Original.requestPermission(...args);
            window.Notification = Recorded;
        })();
        """;

    private const string StillRinging = "async () => (await import('/js/cc-alerts.js')).alertState().ringing";

    [Fact]
    public async Task Offer_RingsOut_ToneTitleAndNotificationThenMissedCallNotice()
    {
        const string caller = "Rita Ring";
        await using var host = new UiHostFactory(OfferTimeoutSeconds);
        host.StartServer();
        var agentContext = await NewContextAsync(host, ["microphone", "camera", "notifications"]);
        await agentContext.AddInitScriptAsync(RecordNotifications);
        var agent = await agentContext.NewPageAsync();
        await UiSteps.SignInAsync(agent, "Agent", "/agent");
        await UiSteps.WaitInteractiveAsync(agent);
        await agent.GetByTestId("status-available").ClickAsync();
        await Expect(agent.GetByTestId("status-available")).ToHaveAttributeAsync("aria-pressed", "true");

        var customerContext = await NewContextAsync(host, ["microphone"]);
        var customer = await customerContext.NewPageAsync();
        await customer.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(customer);
        await customer.Locator("[data-testid=caller-name] input").FillAsync(caller);
        await customer.GetByTestId("call-button").ClickAsync();

        // Ringing: the tone plays on a running audio clock, the title flashes, a notification names the caller.
        await Expect(agent.GetByTestId("offer-caller")).ToHaveTextAsync(caller);
        await agent.WaitForFunctionAsync(
            "async () => { const s = (await import('/js/cc-alerts.js')).alertState(); return s.ringing && s.tones > 0 && s.audio === 'running'; }",
            null, new() { Timeout = 5_000, PollingInterval = 100 });
        await Expect(agent).ToHaveTitleAsync($"☎ Incoming call: {caller}", new() { Timeout = 5_000 });
        var notified = await agent.EvaluateAsync<string[]>("() => window.__ccNotified");
        Assert.Contains(notified, n => n.StartsWith("Incoming call | Rita Ring is calling", StringComparison.Ordinal));
        await UiSteps.ScreenshotAsync(agent, "agent-ringing");

        // Rung out: Away, with the reason on the desk; the tone and the title alert stop.
        await Expect(agent.GetByTestId("missed-call")).ToContainTextAsync("You missed a call, so you were set to Away",
            new() { Timeout = (OfferTimeoutSeconds + 20) * 1000 });
        await Expect(agent.GetByTestId("status-away")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.False(await agent.EvaluateAsync<bool>(StillRinging));
        await Expect(agent).ToHaveTitleAsync("Agent desk · ContactCenter");
        await UiSteps.ScreenshotAsync(agent, "agent-missed-call");

        // The caller gives up; the agent sets themselves Available again: the notice goes.
        await customer.GetByTestId("hangup-button").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Call ended");
        await agent.GetByTestId("status-available").ClickAsync();
        await Expect(agent.GetByTestId("missed-call")).ToHaveCountAsync(0);

        await agentContext.CloseAsync();
        await customerContext.CloseAsync();
    }

    private async Task<IBrowserContext> NewContextAsync(UiHostFactory host, string[] permissions)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = PageLayout.Laptop.Width, Height = PageLayout.Laptop.Height },
            Permissions = permissions,
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }
}
