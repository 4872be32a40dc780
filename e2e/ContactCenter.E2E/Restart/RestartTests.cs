using System.Diagnostics;
using System.Globalization;
using ContactCenter.E2E.Ui;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Restart;

/// <summary>
/// A restart keeps the calls. A customer, an agent and a whispering supervisor are in a call and a second caller
/// waits; the host process is killed (SIGKILL) and a new one started on the same database and ports. The pages
/// reconnect by themselves: audio flows again in all three browsers (getStats), the customer still receives nothing
/// from the supervisor (the whisper held) and the waiting caller is still first in line. Then a SIGTERM stops the host
/// gracefully. Rounds of kill and start: CC_E2E_RESTART_ROUNDS (default 1). It runs alone (<see cref="RestartCollection"/>),
/// with its own host and browser.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class RestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ChildHost _host = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        await _host.StartAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection",
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task KillAndStartOnSameDatabase_CallResumesWithItsWhisperAndTheQueueKeepsItsOrder()
    {
        var agent = await NewPageAsync();
        await SignInAsync(agent, "agent", "/agent");
        await agent.GetByTestId("status-available").ClickAsync();
        var supervisor = await NewPageAsync();
        await SignInAsync(supervisor, "supervisor", "/supervisor");

        var customer = await CallAsync("Restart Carol");
        await Expect(agent.GetByTestId("offer-caller")).ToHaveTextAsync("Restart Carol");
        await agent.GetByTestId("offer-accept").ClickAsync();
        await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        await supervisor.GetByTestId("action-monitor").ClickAsync();
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Monitor");
        await supervisor.GetByTestId("action-whisper").ClickAsync();
        await Expect(supervisor.GetByTestId("row-mode")).ToHaveTextAsync("Whisper");
        await Expect(agent.GetByTestId("whisper-indicator")).ToBeVisibleAsync();

        var customerPid = await ParticipantOfAsync(customer);
        var agentPid = await ParticipantOfAsync(agent);
        var supervisorPid = await ParticipantOfAsync(supervisor);
        await WaitForAudioAsync(customer, agentPid, TimeSpan.FromSeconds(45));
        await WaitForAudioAsync(agent, customerPid, TimeSpan.FromSeconds(45));
        await WaitForAudioAsync(agent, supervisorPid, TimeSpan.FromSeconds(45));

        var waiting = await CallAsync("Restart Dave");
        await Expect(waiting.GetByTestId("queue-position")).ToHaveTextAsync("You are next in line.");

        var rounds = int.TryParse(Environment.GetEnvironmentVariable("CC_E2E_RESTART_ROUNDS"), CultureInfo.InvariantCulture, out var n) ? n : 1;
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            _host.Kill();
            var clock = Stopwatch.StartNew();
            await _host.StartAsync();
            var started = clock.Elapsed;

            // Within 15 s of the new start (from when the new process serves pages; launching it takes 3-5 s on a quiet
            // 2-core machine, much more under load): audio in all three browsers again, each from whom it heard before.
            var budget = TimeSpan.FromSeconds(15);
            await WaitForAudioAsync(customer, agentPid, budget - clock.Elapsed + started);
            await WaitForAudioAsync(agent, customerPid, budget - clock.Elapsed + started);
            await WaitForAudioAsync(agent, supervisorPid, budget - clock.Elapsed + started);
            await WaitForAudioAsync(supervisor, customerPid, budget - clock.Elapsed + started);
            var back = clock.Elapsed - started;
            times.Add(back.TotalMilliseconds);
            output.WriteLine($"round {round + 1}: process up in {started.TotalMilliseconds:F0} ms, audio back in all three browsers {back.TotalMilliseconds:F0} ms after that");

            // The whisper held: the customer still receives nothing from the supervisor while the agent's audio flows.
            for (var sample = 0; sample < 3; sample++)
            {
                await WaitForAudioAsync(customer, agentPid, TimeSpan.FromSeconds(15));
                Assert.Equal(0, await AudioBytesAsync(customer, supervisorPid));
            }

            var carolsRow = supervisor.Locator("tr", new() { Has = supervisor.GetByTestId("row-customer").GetByText("Restart Carol") });
            await Expect(carolsRow.GetByTestId("row-mode")).ToHaveTextAsync("Whisper");
            await Expect(agent.GetByTestId("whisper-indicator")).ToBeVisibleAsync();
            await Expect(waiting.GetByTestId("call-state")).ToHaveTextAsync("Waiting for an agent");
            await Expect(waiting.GetByTestId("queue-position")).ToHaveTextAsync("You are next in line.");
            await Expect(customer.GetByTestId("call-state")).ToHaveTextAsync("Connected");
        }

        times.Sort();
        output.WriteLine($"restart → audio back, median of {times.Count}: {times[times.Count / 2]:F0} ms");

        // A graceful stop ends no call and logs no ObjectDisposedException.
        Assert.Equal(0, await _host.TerminateAsync());
        Assert.DoesNotContain("ObjectDisposedException", _host.Log, StringComparison.Ordinal);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Permissions = ["microphone", "camera"],
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, string role, string returnUrl)
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByTestId("signin-email").FillAsync($"{role}@demo.local");
        await page.GetByTestId("signin-password").FillAsync(ChildHost.Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/signin");
        await UiSteps.WaitInteractiveAsync(page);
    }

    private async Task<IPage> CallAsync(string name)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=caller-name] input").FillAsync(name);
        await page.GetByTestId("call-button").ClickAsync();
        await Expect(page.GetByTestId("call-state")).ToBeVisibleAsync();
        return page;
    }

    private static async Task<string> ParticipantOfAsync(IPage page)
    {
        for (var i = 0; i < 200; i++)
        {
            var id = await page.EvaluateAsync<string?>("async () => (await import('/js/cc-page.js')).mediaParticipant()");
            if (!string.IsNullOrEmpty(id))
            {
                return id;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The page's media never connected.");
    }

    /// <summary>inbound-rtp audio bytes from a participant; 0 while the page reloads or has no connection yet.</summary>
    private static async Task<long> AudioBytesAsync(IPage page, string participantId)
    {
        try
        {
            return await page.EvaluateAsync<long>(
                "async pid => { const m = await import('/js/cc-page.js'); const s = await m.mediaStats(); " +
                "const p = s && s[pid]; return p && p.audio ? p.audio.bytesReceived : 0; }",
                participantId);
        }
        catch (PlaywrightException)
        {
            return 0; // The page navigated (it reloads to rejoin) while it was asked.
        }
    }

    /// <summary>Waits until the page receives growing audio from the participant, within <paramref name="timeout"/>.</summary>
    private static async Task WaitForAudioAsync(IPage page, string participantId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long last = -1;
        long now = 0;
        do
        {
            now = await AudioBytesAsync(page, participantId);
            if (last > 0 && now > last)
            {
                return;
            }

            last = now;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"No growing audio from {participantId} at {page.Url} within {timeout.TotalSeconds:F1} s (last {now} bytes).");
    }
}
