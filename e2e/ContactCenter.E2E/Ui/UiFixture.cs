using Microsoft.Playwright;

namespace ContactCenter.E2E.Ui;

/// <summary>One host and one headless Debian Chromium (fake devices) for the UI tests.</summary>
public sealed class UiFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public UiHostFactory Host { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsDirectory
    {
        get
        {
            var directory = Path.Combine(ContactCenter.Web.HostPaths.ResolveContentRoot([]), "e2e", "artifacts");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public async Task InitializeAsync()
    {
        Host.StartServer();

        // A 2-core machine runs the host, its SFU and four Chromium pages at once: give live updates time.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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

    /// <summary>A fresh browser context (own cookies) at 1280×800, or at <paramref name="width"/>×<paramref name="height"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Permissions = ["microphone", "camera"],
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
