using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Web.Tests.Identity;

/// <summary>A cookie-keeping client that signs in through the real form post, antiforgery token included.</summary>
internal static partial class SignInClient
{
    public const string Password = "Test-Demo-Passw0rd";

    public static WebApplicationFactory<Program> WithDemoPassword(this ApiFactory factory) =>
        factory.WithWebHostBuilder(b => b.UseSetting("Demo:Password", Password));

    public static HttpClient NewClient(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync("/signin");
        var token = TokenPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form carries an antiforgery token");
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
