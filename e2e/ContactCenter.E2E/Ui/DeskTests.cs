using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

/// <summary>
/// The desks as people use them: the agent's camera reaches the customer's page (and a local preview), mute and
/// camera survive a visit to another page, the customer is told to hold during a consult, the supervisor mutes their
/// own microphone, and every page at laptop and phone width without cut-off content (screenshots in e2e/artifacts/).
/// </summary>
[Collection(UiCollection.Name)]
public sealed class DeskTests(UiFixture fixture)
{
    private const string Muted = "async () => (await import('/js/cc-page.js')).mediaState().microphoneMuted";
    private const string CameraOn = "async () => (await import('/js/cc-page.js')).mediaState().camera";

    [Fact]
    public async Task AgentDesk_CameraMuteThenHomeAndBack_ShowsRealStateCustomerSeesVideoAndHolds()
    {
        const string caller = "Dana Desk";
        var agent = await fixture.NewPageAsync(PageLayout.Laptop.Width, PageLayout.Laptop.Height);
        await UiSteps.SignInAsync(agent, "Agent", "/agent");
        await UiSteps.WaitInteractiveAsync(agent);
        await agent.GetByTestId("status-available").ClickAsync();
        await Expect(agent.GetByTestId("status-available")).ToHaveAttributeAsync("aria-pressed", "true");

        var customer = await CallAsync(caller);
        await Expect(agent.GetByTestId("offer-caller")).ToHaveTextAsync(caller);
        await Expect(agent.GetByTestId("offer-channel")).ToHaveTextAsync("Incoming call · Web call");
        await agent.GetByTestId("offer-accept").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");

        // Camera on: a local preview on the desk, and the agent's camera on the customer's page.
        await agent.GetByTestId("camera-button").ClickAsync();
        await Expect(agent.GetByTestId("camera-button")).ToHaveTextAsync("Camera off");
        await PageLayout.WaitForVideoAsync(agent, "[data-testid=local-video] video");
        await PageLayout.WaitForVideoAsync(customer, "[data-testid=remote-video] video[data-cc-alias=camera]");

        // Mute, then a visit to Home and back: the buttons say what the browser really does.
        await agent.GetByTestId("mute-button").ClickAsync();
        await Expect(agent.GetByTestId("mute-button")).ToHaveTextAsync("Unmute");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await Expect(agent.GetByTestId("call-panel")).ToHaveCountAsync(0);
        await agent.GetByRole(AriaRole.Link, new() { Name = "Agent desk", Exact = true }).ClickAsync();
        await Expect(agent.GetByTestId("call-customer")).ToHaveTextAsync(caller);
        await Expect(agent.GetByTestId("mute-button")).ToHaveTextAsync("Unmute");
        await Expect(agent.GetByTestId("camera-button")).ToHaveTextAsync("Camera off");
        await PageLayout.WaitForVideoAsync(agent, "[data-testid=local-video] video");
        Assert.True(await agent.EvaluateAsync<bool>(Muted));
        Assert.True(await agent.EvaluateAsync<bool>(CameraOn));

        // Unmute works from the restored state (it must not mute a second time).
        await agent.GetByTestId("mute-button").ClickAsync();
        await Expect(agent.GetByTestId("mute-button")).ToHaveTextAsync("Mute");
        Assert.False(await agent.EvaluateAsync<bool>(Muted));

        // The supervisor consults the agent: the customer's page says to hold, not "Connected".
        var supervisor = await fixture.NewPageAsync(PageLayout.Laptop.Width, PageLayout.Laptop.Height);
        await UiSteps.SignInAsync(supervisor, "Supervisor", "/supervisor");
        await UiSteps.WaitInteractiveAsync(supervisor);
        var row = supervisor.Locator("tr", new() { Has = supervisor.GetByTestId("row-customer").GetByText(caller) });
        await Expect(row.GetByTestId("row-mode")).ToHaveTextAsync("Fully wired");
        await row.GetByTestId("action-consult").ClickAsync();
        await ExpectModeAsync(supervisor, row, "Consult");
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Please hold");
        await Expect(agent.GetByTestId("consult-indicator")).ToBeVisibleAsync();

        // The active mode looks selected, not disabled.
        var consult = row.GetByTestId("action-consult");
        await Expect(consult).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(consult).ToBeEnabledAsync();

        // The supervisor mutes their own microphone while coaching.
        await supervisor.GetByTestId("supervisor-mute").ClickAsync();
        await Expect(supervisor.GetByTestId("supervisor-mute")).ToHaveTextAsync("Unmute my microphone");
        Assert.True(await supervisor.EvaluateAsync<bool>(Muted));

        await row.GetByTestId("action-whisper").ClickAsync();
        await ExpectModeAsync(supervisor, row, "Whisper");
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        await Expect(supervisor.GetByTestId("supervisor-mute")).ToHaveTextAsync("Unmute my microphone");
        Assert.True(await supervisor.EvaluateAsync<bool>(Muted));

        // The matrix speaks of people; the supervisor sees the agent's camera too.
        var matrix = supervisor.GetByTestId("who-hears-whom");
        await Expect(matrix.Locator("td[data-hears=no]").First).ToHaveTextAsync("does not hear");
        await Expect(matrix).Not.ToContainTextAsync("pkts");
        await PageLayout.WaitForVideoAsync(supervisor, "[data-testid=remote-video] video[data-cc-alias=camera]");

        await PageLayout.ShootBothSizesAsync(agent, "agent");
        await PageLayout.ShootBothSizesAsync(customer, "call");
        await PageLayout.ShootBothSizesAsync(supervisor, "supervisor");

        await agent.GetByTestId("agent-hangup").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Call ended");
        await Expect(customer.Locator("[data-testid=remote-video] video")).ToHaveCountAsync(0);
        foreach (var page in new[] { agent, customer, supervisor })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Pages_EveryPageBothSizes_OwnFontFaviconNothingFromOutsideNothingCutOff()
    {
        var outside = new List<string>();
        var anonymous = await fixture.NewPageAsync(PageLayout.Laptop.Width, PageLayout.Laptop.Height);
        var admin = await fixture.NewPageAsync(PageLayout.Laptop.Width, PageLayout.Laptop.Height);
        foreach (var page in new[] { anonymous, admin })
        {
            page.Request += (_, request) =>
            {
                var uri = new Uri(request.Url);
                if (uri.Scheme is "http" or "https" or "ws" or "wss" && uri.Host != fixture.Host.BaseAddress.Host)
                {
                    lock (outside)
                    {
                        outside.Add(request.Url);
                    }
                }
            };
        }

        await anonymous.GotoAsync("/signin");
        await AssertOwnFontAndFaviconAsync(anonymous);
        await PageLayout.ShootBothSizesAsync(anonymous, "signin");
        await anonymous.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(anonymous);
        await AssertOwnFontAndFaviconAsync(anonymous);
        await PageLayout.ShootBothSizesAsync(anonymous, "call-form");

        await UiSteps.SignInAsync(admin, "Admin", "/admin");
        await UiSteps.WaitInteractiveAsync(admin);
        await AssertOwnFontAndFaviconAsync(admin);
        await PageLayout.ShootBothSizesAsync(admin, "admin-accounts");
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Sessions" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=sessions-table], [data-testid=sessions-empty]").First).ToBeVisibleAsync();
        await PageLayout.ShootBothSizesAsync(admin, "admin-sessions");
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Usage by tag" }).ClickAsync();
        await Expect(admin.GetByTestId("usage-csv")).ToBeVisibleAsync();
        await PageLayout.ShootBothSizesAsync(admin, "admin-usage");

        Assert.Empty(outside);
        await anonymous.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    /// <summary>The row shows <paramref name="mode"/>; if not, the failure names what the console said (its snackbar).</summary>
    private static async Task ExpectModeAsync(IPage supervisor, ILocator row, string mode)
    {
        try
        {
            await Expect(row.GetByTestId("row-mode")).ToHaveTextAsync(mode);
        }
        catch (PlaywrightException)
        {
            await UiSteps.ScreenshotAsync(supervisor, $"failed-{mode.ToLowerInvariant()}");
            var said = await supervisor.Locator(".mud-snackbar").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"The call did not change to {mode}; the console said: [{string.Join(" | ", said)}]");
        }
    }

    /// <summary>A customer on /call who clicked Call.</summary>
    private async Task<IPage> CallAsync(string name)
    {
        var customer = await fixture.NewPageAsync(PageLayout.Laptop.Width, PageLayout.Laptop.Height);
        await customer.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(customer);
        await customer.Locator("[data-testid=caller-name] input").FillAsync(name);
        await customer.GetByTestId("call-button").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync(new Regex("Waiting for an agent|Connecting you|Connected"));
        return customer;
    }

    /// <summary>Roboto comes from this server and is in use; the favicon link answers with an SVG.</summary>
    private static async Task AssertOwnFontAndFaviconAsync(IPage page)
    {
        var roboto = await page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; await document.fonts.load('400 16px Roboto'); " +
            "return [...document.fonts].some(f => f.family.replace(/[\"']/g, '') === 'Roboto' && f.status === 'loaded'); }");
        Assert.True(roboto, $"Roboto is not loaded on {page.Url}");

        var icon = await page.EvaluateAsync<string?>("() => document.querySelector('link[rel=icon]')?.href ?? null");
        Assert.NotNull(icon);
        var answer = await page.Context.APIRequest.GetAsync(icon);
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("image/svg+xml", answer.Headers["content-type"], StringComparison.Ordinal);
    }
}
