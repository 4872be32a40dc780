using Microsoft.Playwright;

namespace ContactCenter.E2E.Infrastructure;

/// <summary>
/// One host and one headless Debian Chromium shared by the tests of a collection (Chromium takes a while to
/// start). Fake camera and microphone, loopback ICE allowed (MEDIA-NOTES).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public EchoHostFactory Host { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>e2e/artifacts (git-ignored): screenshots and the captured Chromium offer.</summary>
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
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Fake devices, loopback ICE, nothing that talks to the internet.</summary>
    public static IReadOnlyList<string> ChromiumArgs { get; } =
    [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--allow-loopback-in-peer-connection",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

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
