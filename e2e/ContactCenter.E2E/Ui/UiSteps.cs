using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

/// <summary>The steps the UI tests share: sign in, wait until a page runs on its circuit, take a screenshot.</summary>
internal static class UiSteps
{
    public static async Task SignInAsync(IPage page, string role, string returnUrl)
    {
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByTestId("signin-email").FillAsync($"{role.ToLowerInvariant()}@demo.local");
        await page.GetByTestId("signin-password").FillAsync(UiHostFactory.Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/signin");
    }

    /// <summary>The page's marker appears once it renders on its circuit: clicks work from then on.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.GetByTestId("interactive")).ToBeAttachedAsync(new() { Timeout = 30_000 });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UiFixture.ArtifactsDirectory, $"ui-{name}.png"), FullPage = true });
    }
}
