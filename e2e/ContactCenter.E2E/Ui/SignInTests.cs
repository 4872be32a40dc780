using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

[Collection(UiCollection.Name)]
public sealed class SignInTests(UiFixture fixture)
{
    [Theory]
    [InlineData("Agent", "/agent", "Agent desk")]
    [InlineData("Supervisor", "/supervisor", "Supervisor console")]
    [InlineData("Admin", "/admin", "Admin")]
    public async Task SignIn_DemoUser_OpensItsPage(string role, string path, string heading)
    {
        var page = await fixture.NewPageAsync();

        await UiSteps.SignInAsync(page, role, path);
        await UiSteps.WaitInteractiveAsync(page);

        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{role.ToLowerInvariant()}@demo.local");
        await UiSteps.ScreenshotAsync(page, $"{role.ToLowerInvariant()}-signed-in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnSignInWithError()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin?returnUrl=%2Fagent");

        await page.GetByTestId("signin-email").FillAsync("agent@demo.local");
        await page.GetByTestId("signin-password").FillAsync("not-the-password");
        await page.GetByTestId("signin-submit").ClickAsync();

        await Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await UiSteps.ScreenshotAsync(page, "signin-error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agent_OpensSupervisorConsole_Refused()
    {
        var page = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(page, "Agent", "/agent");

        await page.GotoAsync("/supervisor");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        Assert.Equal("/access-denied", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByText("Live calls")).ToHaveCountAsync(0);
        await UiSteps.ScreenshotAsync(page, "agent-refused-supervisor");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Anonymous_OpensAgentDesk_SentToSignIn()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/agent");

        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
        await UiSteps.ScreenshotAsync(page, "signin");
        await page.Context.CloseAsync();
    }
}
