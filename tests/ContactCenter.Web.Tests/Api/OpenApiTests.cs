using System.Net;
using ContactCenter.Web.Tests.Infrastructure;

namespace ContactCenter.Web.Tests.Api;

public sealed class OpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task OpenApiDocument_IsServedAndListsTheV1Paths()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var paths = document["paths"]!.AsObject();
        string[] expected =
        [
            "/v1/accounts/{accountId}/participants",
            "/v1/accounts/{accountId}/participants/{participantId}",
            "/v1/accounts/{accountId}/sessions",
            "/v1/accounts/{accountId}/sessions/{sessionId}",
            "/v1/accounts/{accountId}/sessions/{sessionId}/participants",
            "/v1/accounts/{accountId}/sessions/{sessionId}/participants/{participantId}",
            "/v1/accounts/{accountId}/sessions/{sessionId}/participants/{participantId}/subscriptions",
            "/v1/accounts/{accountId}/sessions/{sessionId}/mode",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.ContainsKey(path), $"missing {path}; has {string.Join(", ", paths.Select(p => p.Key))}");
        }

        var put = paths["/v1/accounts/{accountId}/sessions/{sessionId}/participants/{participantId}"]!["put"]!;
        Assert.NotNull(put["responses"]!["204"]);
        Assert.NotNull(put["responses"]!["409"]);
        Assert.NotNull(put["responses"]!["401"]);

        // Clients learn to send Basic credentials, and optional body fields are not marked required.
        Assert.Equal("basic", (string)document["components"]!["securitySchemes"]!["basic"]!["scheme"]!);
        Assert.Null(document["components"]!["schemas"]!["SubscriptionsDto"]!["required"]);
    }
}
