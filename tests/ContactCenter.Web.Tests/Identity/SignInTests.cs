using System.Net;
using ContactCenter.Web.Tests.Infrastructure;

namespace ContactCenter.Web.Tests.Identity;

public sealed class SignInTests : IDisposable
{
    private readonly string _folder = ApiFactory.CreateFolder();

    public void Dispose() => ApiFactory.DeleteFolder(_folder);

    [Fact]
    public async Task SignIn_RightPassword_RedirectsToReturnUrlWithCookie()
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);

        var response = await SignInClient.SignInAsync(client, "agent@demo.local", SignInClient.Password, "/agent");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agent")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_BackToSignInWithError()
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);

        var response = await SignInClient.SignInAsync(client, "agent@demo.local", "wrong-password", "/agent");

        Assert.StartsWith("/signin?error=invalid", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agent")).StatusCode);
    }

    [Fact]
    public async Task SignIn_AbsoluteReturnUrl_RedirectsHomeInstead()
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);

        var response = await SignInClient.SignInAsync(client, "agent@demo.local", SignInClient.Password, "https://evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_RefusedBackToSignIn()
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "agent@demo.local",
            ["password"] = SignInClient.Password,
        }));

        Assert.StartsWith("/signin?error=expired", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agent")).StatusCode);
    }

    [Theory]
    [InlineData("agent@demo.local", "/supervisor")]
    [InlineData("agent@demo.local", "/admin")]
    [InlineData("agent@demo.local", "/admin/usage.csv")]
    [InlineData("supervisor@demo.local", "/agent")]
    [InlineData("admin@demo.local", "/supervisor")]
    public async Task Page_OtherRolesPage_AccessDenied(string email, string path)
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);
        await SignInClient.SignInAsync(client, email, SignInClient.Password);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageCsv_Admin_DownloadsCsv()
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);
        await SignInClient.SignInAsync(client, "admin@demo.local", SignInClient.Password);

        var response = await client.GetAsync("/admin/usage.csv?from=2025-01-01&to=2025-01-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("day,tag,participant_minutes,participants", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData("9999-12-31", "9999-12-31")]
    public async Task UsageCsv_RangeToTheLastRepresentableDay_Answers200(string from, string to)
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);
        await SignInClient.SignInAsync(client, "admin@demo.local", SignInClient.Password);

        var response = await client.GetAsync($"/admin/usage.csv?from={from}&to={to}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("day,tag,participant_minutes,participants", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_SignedIn_CookieNoLongerOpensPages()
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        var client = SignInClient.NewClient(factory);
        await SignInClient.SignInAsync(client, "agent@demo.local", SignInClient.Password);
        var page = await client.GetStringAsync("/agent");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agent")).StatusCode);
    }
}
