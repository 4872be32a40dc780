using ContactCenter.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Sfu;

/// <summary>One participant's browser: its own context (own fake devices) with the SDK page loaded.</summary>
internal sealed class SfuBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private SfuBrowser(string name, IBrowserContext context, IPage page)
    {
        Name = name;
        _context = context;
        Page = page;
    }

    public string Name { get; }

    public IPage Page { get; }

    public static Task<SfuBrowser> OpenAsync(BrowserFixture fixture, string name, ITestOutputHelper output) =>
        OpenAsync(fixture.Browser, fixture.Host.BaseAddress, name, output);

    public static async Task<SfuBrowser> OpenAsync(IBrowser browser, Uri baseAddress, string name, ITestOutputHelper output)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"[{name}] console {message.Type}: {message.Text}");
            }
        };
        // Load a real document from the host first: Chromium's local network access checks then see a loopback
        // page opening a loopback WebSocket. (A route-fulfilled page has no address, and its WebSocket is blocked.)
        await page.GotoAsync(new Uri(baseAddress, SfuPage.AnchorPath).ToString());
        await page.SetContentAsync(SfuPage.Html);
        await page.WaitForFunctionAsync("() => window.ccReady === true");
        return new SfuBrowser(name, context, page);
    }

    /// <summary>"ok:&lt;participantId&gt;" or "error:&lt;the server's reason&gt;".</summary>
    public Task<string> ConnectAsync(string token) => Page.EvaluateAsync<string>("t => window.ccConnect(t)", token);

    /// <summary>As <see cref="ConnectAsync(string)"/>, with the SDK's connect options (e.g. <c>{ iceTransportPolicy: 'relay' }</c>).</summary>
    public Task<string> ConnectAsync(string token, object options) =>
        Page.EvaluateAsync<string>("([t, o]) => window.ccConnect(t, o)", new object[] { token, options });

    /// <summary>The SDK's getConnectionInfo(): how each connection's media travels (selected candidate pair).</summary>
    public Task<ConnectionInfo> ConnectionAsync() => Page.EvaluateAsync<ConnectionInfo>("() => window.rtc.getConnectionInfo()");

    /// <summary>"ok" or "error:&lt;the server's reason&gt;".</summary>
    public Task<string> PublishAsync(string kind, string alias) =>
        Page.EvaluateAsync<string>("([k, a]) => window.ccPublish(k, a)", new[] { kind, alias });

    public Task<PeerStats> StatsAsync(string participantId) =>
        Page.EvaluateAsync<PeerStats>("p => window.ccStats(p)", participantId);

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
