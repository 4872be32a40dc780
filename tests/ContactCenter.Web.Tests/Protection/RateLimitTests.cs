using System.Net;
using ContactCenter.Web.Protection;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Protection;

/// <summary>ASP.NET Core's rate limiter on the REST API, and the Basic-auth failure limit, with small limits.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = _api.WithWebHostBuilder(b => b
            .UseSetting("Limits:RestBurst", "3")
            .UseSetting("Limits:RestPerSecond", "1")
            .UseSetting("Limits:AuthFailuresPerAddressPerMinute", "3"));
        _ = _factory.Server;
        await _api.AddAccountAsync(ApiFixture.OtherAccount, ApiFixture.OtherUser, ApiFixture.OtherPassword);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _api.DisposeAsync();
        ApiFactory.DeleteFolder(_api.Folder);
    }

    [Fact]
    public async Task Rest_OverTheBurst_Returns429WithRetryAfterAndErrorBodyAndCountsIt()
    {
        using var counter = new RateLimitedCounter(_factory);
        using var demo = WithBasic(_factory.CreateClient(), ApiFactory.DemoUser, ApiFactory.DemoPassword);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            responses.Add(await demo.GetAsync($"{Base()}/sessions/nope"));
        }

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in refused)
        {
            await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many requests for this API credential");
            Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After"))) >= 1);
        }

        Assert.Equal(refused.Count, counter.Count(RateLimitNames.Rest));

        // The limit is per credential: another account's client still has its whole burst.
        using var other = WithBasic(_factory.CreateClient(), ApiFixture.OtherUser, ApiFixture.OtherPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Base(ApiFixture.OtherAccount)}/sessions/nope")).StatusCode);
    }

    [Fact]
    public async Task BasicAuth_RepeatedWrongPasswords_RefusedWith429WithoutChecking()
    {
        using var counter = new RateLimitedCounter(_factory);
        using var guesser = WithBasic(_factory.CreateClient(), "no-such-user", "guess");

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add((await guesser.GetAsync($"{Base()}/sessions/nope")).StatusCode);
        }

        var throttled = await guesser.GetAsync($"{Base()}/sessions/nope");

        Assert.All(first, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await throttled.AssertErrorAsync(HttpStatusCode.TooManyRequests, "failed authentication");
        Assert.True(throttled.Headers.Contains("Retry-After"));
        Assert.Equal(1, counter.Count(RateLimitNames.AuthFailures));
    }

    private static HttpClient WithBasic(HttpClient client, string user, string password)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
