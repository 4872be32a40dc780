using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.E2E.Ui;

[Collection(UiCollection.Name)]
public sealed class AdminTests(UiFixture fixture)
{
    [Fact]
    public async Task Credential_CreatedShownOnceWorksThenRevoked()
    {
        var page = await fixture.NewPageAsync();
        await UiSteps.SignInAsync(page, "Admin", "/admin");
        await UiSteps.WaitInteractiveAsync(page);

        var username = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("New credential username").FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create credential" }).ClickAsync();
        var secretBox = page.GetByTestId("new-secret");
        await Expect(secretBox).ToContainTextAsync(username);
        var secret = (await secretBox.Locator("code").InnerTextAsync()).Trim();
        await UiSteps.ScreenshotAsync(page, "admin-new-credential");

        // The secret works against the REST API as HTTP Basic.
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{secret}")));
        var created = await http.PostAsync("/v1/accounts/demo/sessions", new StringContent("{\"tag\":\"admin-e2e\"}", Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, $"{(int)created.StatusCode}");

        // Shown once: after a reload only the username is listed.
        await page.ReloadAsync();
        await UiSteps.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("new-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        var row = page.Locator("tr", new() { HasText = username });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");

        // The sessions tab lists the session made with the new credential, with its tag.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sessions" }).ClickAsync();
        await Expect(page.GetByTestId("sessions-table")).ToContainTextAsync("admin-e2e");
        await UiSteps.ScreenshotAsync(page, "admin-sessions");
        await page.Context.CloseAsync();
    }
}
