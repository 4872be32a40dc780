using ContactCenter.E2E.Infrastructure;
using Microsoft.Playwright;

namespace ContactCenter.E2E.Firewall;

/// <summary>coturn on loopback, a host that hands out its credentials, and one headless Chromium.</summary>
public sealed class TurnFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private CoturnProcess? _turn;
    private TurnHostFactory? _host;

    internal CoturnProcess Turn => _turn ?? throw new InvalidOperationException("Not started.");

    internal TurnHostFactory Host => _host ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _turn = await CoturnProcess.StartAsync();
        _host = new TurnHostFactory(_turn.Urls, CoturnProcess.Secret);
        _host.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = BrowserFixture.ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_turn is not null)
        {
            await _turn.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TurnCollection : ICollectionFixture<TurnFixture>
{
    public const string Name = "turn";
}
