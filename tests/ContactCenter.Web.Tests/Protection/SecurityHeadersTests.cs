using System.Net;
using ContactCenter.Web.Tests.Identity;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Web.Tests.Protection;

public sealed class SecurityHeadersTests : IDisposable
{
    private readonly string _folder = ApiFactory.CreateFolder();

    public void Dispose() => ApiFactory.DeleteFolder(_folder);

    [Theory]
    [InlineData("/signin")]
    [InlineData("/call")]
    [InlineData("/")]
    public async Task Page_HasCspNosniffAndReferrerPolicy(string path)
    {
        await using var factory = new ApiFactory(_folder);
        var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task StaticFile_HasNosniffAndReferrerPolicy()
    {
        await using var factory = new ApiFactory(_folder);

        var response = await factory.CreateClient().GetAsync("/css/app.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Api_ErrorAnswer_HasNosniff()
    {
        await using var factory = new ApiFactory(_folder);

        var response = await factory.CreateClient().GetAsync("/v1/accounts/demo/sessions");

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task SignIn_OverHttps_AuthCookieIsHttpOnlySameSiteAndSecure()
    {
        await using var api = new ApiFactory(_folder);
        await using var factory = api.WithDemoPassword();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });

        var response = await SignInClient.SignInAsync(client, "agent@demo.local", SignInClient.Password, "/agent");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cc.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInPage_AntiforgeryCookie_IsHttpOnlyAndSameSite()
    {
        await using var factory = new ApiFactory(_folder);

        var response = await factory.CreateClient().GetAsync("/signin");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
