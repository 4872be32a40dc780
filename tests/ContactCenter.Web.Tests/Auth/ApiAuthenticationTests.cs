using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactCenter.Web.Tests.Infrastructure;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Auth;

public sealed class ApiAuthenticationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task Request_WithoutCredentials_Returns401WithBasicChallenge()
    {
        var response = await Factory.CreateClient().GetAsync($"{Base()}/sessions/any");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Authentication required");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData(ApiFactory.DemoUser, "wrong-password")]
    [InlineData("nobody", ApiFactory.DemoPassword)]
    [InlineData(ApiFactory.DemoUser, "")]
    public async Task Request_WithBadCredentials_Returns401(string user, string password)
    {
        var response = await Factory.CreateClientFor(user, password).PostAsync($"{Base()}/sessions", null);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Invalid credentials");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("not-base64!!")]
    [InlineData("bm9jb2xvbg==")] // "nocolon"
    public async Task Request_WithMalformedBasicHeader_Returns401(string parameter)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", parameter);

        var response = await client.GetAsync($"{Base()}/sessions/any");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithBearerScheme_Returns401()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "abc");

        await (await client.GetAsync($"{Base()}/sessions/any")).AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithAnotherAccountsValidCredential_Returns403()
    {
        var other = Factory.CreateClientFor(ApiFixture.OtherUser, ApiFixture.OtherPassword);

        var response = await other.PostAsync($"{Base(ApiFactory.DemoAccount)}/sessions", null);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "no access");
    }

    [Fact]
    public async Task Request_ForUnknownAccount_Returns403()
    {
        var response = await Factory.CreateDemoClient().GetAsync($"{Base("no-such-account")}/sessions/x");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unauthorized_Body_IsBandwidthsMessageShapeWithRequestIdHeader()
    {
        var response = await Factory.CreateClient().GetAsync($"{Base()}/sessions/any");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["message"], body.AsObject().Select(p => p.Key));
        Assert.Contains("Authentication required", (string)body["message"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues("X-Request-Id"))));
    }

    [Fact]
    public async Task Forbidden_Body_IsBandwidthsMessageShapeWithRequestIdHeader()
    {
        var other = Factory.CreateClientFor(ApiFixture.OtherUser, ApiFixture.OtherPassword);

        var response = await other.GetAsync($"{Base(ApiFactory.DemoAccount)}/sessions/any");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["message"], body.AsObject().Select(p => p.Key));
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues("X-Request-Id"))));
    }

    [Fact]
    public async Task AnotherAccountsIds_UnderOwnAccount_Return404AndLeakNothing()
    {
        var other = Factory.CreateClientFor(ApiFixture.OtherUser, ApiFixture.OtherPassword);
        var demo = Factory.CreateDemoClient();
        var theirSession = await other.CreateSessionAsync("their-secret-tag", ApiFixture.OtherAccount);
        var (theirParticipant, _) = await other.CreateParticipantAsync("their-agent", account: ApiFixture.OtherAccount);
        var (ours, _) = await demo.CreateParticipantAsync();
        var ourSession = await demo.CreateSessionAsync();

        var responses = new[]
        {
            await demo.GetAsync($"{Base()}/sessions/{theirSession}"),
            await demo.DeleteAsync($"{Base()}/sessions/{theirSession}"),
            await demo.GetAsync($"{Base()}/sessions/{theirSession}/participants"),
            await demo.PutAsync($"{Base()}/sessions/{theirSession}/participants/{ours}", null),
            await demo.GetAsync($"{Base()}/participants/{theirParticipant}"),
            await demo.DeleteAsync($"{Base()}/participants/{theirParticipant}"),
            await demo.PutAsync($"{Base()}/sessions/{ourSession}/participants/{theirParticipant}", null),
        };

        foreach (var response in responses)
        {
            var error = await response.AssertErrorAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain("their-", error, StringComparison.Ordinal);
        }

        // Still there for their owner.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"{Base(ApiFixture.OtherAccount)}/sessions/{theirSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"{Base(ApiFixture.OtherAccount)}/participants/{theirParticipant}")).StatusCode);
    }

    [Fact]
    public async Task SameCredential_RepeatedCalls_StayAuthorized()
    {
        var client = Factory.CreateDemoClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{Base()}/sessions", null)).StatusCode);
        }

        // A wrong password right after a cached success is still refused.
        var wrong = Factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiFactory.DemoUser}:{ApiFactory.DemoPassword}x")));
        await (await wrong.PostAsync($"{Base()}/sessions", null)).AssertErrorAsync(HttpStatusCode.Unauthorized);
    }
}
