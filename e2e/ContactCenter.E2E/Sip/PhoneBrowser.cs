using ContactCenter.E2E.Sfu;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContactCenter.E2E.Sip;

/// <summary>A browser participant of the phone e2e: the SDK page, connect, publish a microphone, getStats per publisher.</summary>
internal sealed class PhoneBrowser(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public string Name { get; } = name;

    public static async Task<PhoneBrowser> OpenAsync(IBrowser browser, Uri host, string name, ITestOutputHelper output)
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
        // A real loopback document first, as SfuBrowser does (Chromium's local network access checks).
        await page.GotoAsync(new Uri(host, SfuPage.AnchorPath).ToString());
        await page.SetContentAsync(SfuPage.Html);
        await page.WaitForFunctionAsync("() => window.ccReady === true");
        return new PhoneBrowser(name, context, page);
    }

    public Task<string> ConnectAsync(string token) => page.EvaluateAsync<string>("t => window.ccConnect(t)", token);

    /// <summary>
    /// Publishes the fake microphone with the audio processing off: noise suppression would treat a steady test
    /// tone as noise and fade it out.
    /// </summary>
    public Task<string> PublishRawMicrophoneAsync() => page.EvaluateAsync<string>("""
        async () => {
          const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
          try {
            await window.rtc.publish(stream, 'microphone');
            return 'ok';
          } catch (e) {
            return 'error:' + e.message;
          }
        }
        """);

    public Task<PeerStats> StatsAsync(string participantId) => page.EvaluateAsync<PeerStats>("p => window.ccStats(p)", participantId);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await page.EvaluateAsync("() => window.rtc.disconnect()");
        }
        catch (PlaywrightException)
        {
            // the page may already be gone
        }

        await context.DisposeAsync();
    }
}
