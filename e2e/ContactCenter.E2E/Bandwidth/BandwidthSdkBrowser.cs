using System.Text.Json;
using ContactCenter.E2E.Infrastructure;
using ContactCenter.E2E.Sfu;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Bandwidth;

/// <summary>One participant's browser running the unmodified Bandwidth SDK (its own context and fake devices).</summary>
internal sealed class BandwidthSdkBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _host;

    private BandwidthSdkBrowser(string name, IBrowserContext context, IPage page, Uri host)
    {
        Name = name;
        _context = context;
        Page = page;
        _host = host;
    }

    public string Name { get; }

    public IPage Page { get; }

    public static async Task<BandwidthSdkBrowser> OpenAsync(
        BrowserFixture fixture, string name, ITestOutputHelper output, string sdkDirectory = BandwidthSdkPage.CurrentSdk)
    {
        var bundle = BandwidthSdkPage.BundleFileOf(sdkDirectory);
        Assert.True(File.Exists(bundle), $"The SDK bundle {bundle} is missing: test.sh builds it (npm ci and esbuild in e2e/ContactCenter.E2E/{sdkDirectory}).");
        var context = await fixture.Browser.NewContextAsync();
        await context.RouteAsync("**" + BandwidthSdkPage.BundleUrlPath, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Path = bundle,
            ContentType = "text/javascript",
        }));
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"[{name}] console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => output.WriteLine($"[{name}] page error: {error}");
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, SfuPage.AnchorPath).ToString());
        await page.SetContentAsync(BandwidthSdkPage.Html);
        await page.WaitForFunctionAsync("() => window.bwReady === true");
        return new BandwidthSdkBrowser(name, context, page, fixture.Host.BaseAddress);
    }

    /// <summary>"ok" or "error:…". The SDK opens {websocketUrl}/v3/?token=… (V3 token) or /v2/?token=… itself.</summary>
    public Task<string> ConnectAsync(string token) =>
        Page.EvaluateAsync<string>("([t, u]) => window.bwConnect(t, u)", new[] { token, $"ws://{_host.Authority}" });

    /// <summary>"ok:&lt;mediaTypes the server reported&gt;" or "error:…".</summary>
    public Task<string> PublishAsync(string kind, string alias) =>
        Page.EvaluateAsync<string>("([k, a]) => window.bwPublish(k, a)", new[] { kind, alias });

    public Task<PeerStats> StatsAsync(string participantId) =>
        Page.EvaluateAsync<PeerStats>("p => window.bwStats(p)", participantId);

    public Task<string[]> DtlsRolesAsync() => Page.EvaluateAsync<string[]>("() => window.bwDtlsRoles()");

    public async Task<IReadOnlyList<SdkStreamEvent>> EventsAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => window.bwEvents");
        return json.Deserialize<List<SdkStreamEvent>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Polls the SDK's events until one matches (generous deadline; the assertion is on the event, not the time).</summary>
    public async Task<SdkStreamEvent?> WaitForEventAsync(Func<SdkStreamEvent, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var found = (await EventsAsync()).FirstOrDefault(match);
            if (found is not null || DateTime.UtcNow > until)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Page.EvaluateAsync("() => window.rtc.disconnect()");
        }
        catch (PlaywrightException)
        {
            // the page may already be gone
        }

        await _context.DisposeAsync();
    }
}
