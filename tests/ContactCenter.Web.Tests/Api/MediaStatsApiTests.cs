using System.Net;
using ContactCenter.Web.Media;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Web.Tests.Api;

public sealed class MediaStatsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Path = "/v1/media/stats";

    [Fact]
    public async Task GetMediaStats_NoCredentials_Returns401WithBasicChallenge()
    {
        var response = await fixture.Factory.CreateClient().GetAsync(Path);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMediaStats_WrongPassword_Returns401()
    {
        var response = await fixture.Factory.CreateClientFor(ApiFactory.DemoUser, "not-the-password").GetAsync(Path);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetMediaStats_AnyAccountsCredential_Returns200WithEveryCounter()
    {
        foreach (var client in new[] { fixture.Factory.CreateDemoClient(), fixture.Factory.CreateClientFor(ApiFixture.OtherUser, ApiFixture.OtherPassword) })
        {
            var response = await client.GetAsync(Path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.ReadJsonAsync()).AsObject();
            string[] fields = ["datagrams", "stun", "dtls", "rtp", "rtcp", "dropped", "handlerErrors", "sendErrors", "srtpAuthFailures", "peerCount",
                "receiveCalls", "batchedSendCalls", "processAllocatedBytes", "gen0Collections", "gen2Collections"];
            Assert.Equal(fields.Order(StringComparer.Ordinal), body.Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var field in fields)
            {
                Assert.True((long)body[field]! >= 0, field);
            }
        }
    }

    [Fact]
    public async Task GetMediaStats_MediaNotStarted_Returns503WithErrorBody()
    {
        var folder = ApiFactory.CreateFolder();
        await using (var factory = new ApiFactory(folder, WithoutMediaTransport))
        {
            var response = await factory.CreateDemoClient().GetAsync(Path);

            await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "media is not running");
        }

        ApiFactory.DeleteFolder(folder);
    }

    [Fact]
    public async Task OpenApiDocument_ListsMediaStatsWithItsAnswers()
    {
        var document = await (await fixture.Factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var responses = document["paths"]![Path]!["get"]!["responses"]!;
        Assert.NotNull(responses["200"]);
        Assert.NotNull(responses["401"]);
        Assert.NotNull(responses["503"]);
    }

    // The transport stays registered but never binds its socket, as when Media:Port is taken.
    private static void WithoutMediaTransport(IServiceCollection services)
    {
        var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MediaTransportHostedService));
        services.Remove(hosted);
    }
}
