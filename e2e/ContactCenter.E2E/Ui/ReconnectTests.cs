using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

[Collection(UiCollection.Name)]
public sealed class ReconnectTests(UiFixture fixture)
{
    /// <summary>
    /// The page's circuit socket and its HTTP fallbacks are routed through Playwright, so the test can cut them (and
    /// refuse new ones for a while) as a dropped network would: the banner shows, then the page reconnects to its circuit and works.
    /// </summary>
    [Fact]
    public async Task CircuitLost_ShowsBannerAndRecovers()
    {
        var page = await fixture.NewPageAsync();
        IWebSocketRoute? current = null;
        var refuse = false;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            if (refuse)
            {
                _ = ws.CloseAsync();
                return;
            }

            current = ws;
            ws.ConnectToServer();
        });

        // While refusing, the HTTP fallbacks (negotiate, long polling) fail too, as they would without a network.
        await page.RouteAsync(new Regex("/_blazor"), route => refuse ? route.AbortAsync() : route.ContinueAsync());
        await page.GotoAsync("/call");
        await UiSteps.WaitInteractiveAsync(page);
        var banner = page.GetByTestId("reconnect-banner");
        await Expect(banner).ToBeHiddenAsync();

        refuse = true;
        await current!.CloseAsync();
        await Expect(banner).ToHaveClassAsync(new Regex("components-reconnect-show"));
        await Expect(banner).ToBeVisibleAsync();
        await UiSteps.ScreenshotAsync(page, "reconnecting");


        refuse = false;
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-testid=caller-name] input").FillAsync("Back Online");
        await Expect(page.GetByTestId("call-button")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }
}
