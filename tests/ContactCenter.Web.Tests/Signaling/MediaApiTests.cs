using System.Net;
using System.Net.Http.Json;
using ContactCenter.Media.Routing;
using ContactCenter.Web.Signaling;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Signaling;

public sealed class MediaApiTests(RtcHubFixture fixture) : IClassFixture<RtcHubFixture>
{
    [Fact]
    public async Task GetMedia_UnknownSession_Returns404WithTheApiErrorBody()
    {
        using var client = fixture.CreateDemoClient();

        var response = await client.GetAsync("/v1/accounts/demo/sessions/nope/media");

        await response.AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetMedia_WithoutCredentials_Returns401()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/v1/accounts/demo/sessions/any/media");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetMedia_AppliedEdges_AreListedWithCounters()
    {
        using var client = fixture.CreateDemoClient();
        var session = await client.CreateSessionAsync();
        var router = fixture.Factory.Services.GetRequiredService<SfuRouter>();
        router.Apply(session, [new RouteEdge("a", "microphone", "b"), new RouteEdge("b", RouteEdge.AnyAlias, "a")]);

        var body = await client.GetFromJsonAsync<MediaSnapshotResponse>($"/v1/accounts/demo/sessions/{session}/media");

        Assert.Equal(session, body!.SessionId);
        Assert.Equal(
            [new MediaEdgeResponse("a", "microphone", "b", 0, 0), new MediaEdgeResponse("b", "*", "a", 0, 0)],
            body.Edges.OrderBy(e => e.PublisherId));
    }
}
