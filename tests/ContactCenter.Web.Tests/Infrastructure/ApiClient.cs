using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Web.Tests.Infrastructure;

/// <summary>Small helpers over the REST API for the tests, in the wire's JSON.</summary>
public static class ApiClient
{
    public static string Base(string account = ApiFactory.DemoAccount) => $"/v1/accounts/{account}";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<string> CreateSessionAsync(this HttpClient client, string? tag = null, string account = ApiFactory.DemoAccount)
    {
        var response = await client.PostAsJsonAsync($"{Base(account)}/sessions", new { tag });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    public static async Task<(string Id, string Token)> CreateParticipantAsync(
        this HttpClient client, string? tag = null, string[]? permissions = null, string account = ApiFactory.DemoAccount)
    {
        var response = await client.PostAsJsonAsync(
            $"{Base(account)}/participants",
            new { publishPermissions = permissions ?? ["AUDIO", "VIDEO"], tag, deviceApiVersion = "V3" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return ((string)body["participant"]!["id"]!, (string)body["token"]!);
    }

    public static async Task AddToSessionAsync(this HttpClient client, string sessionId, string participantId, string? subscriptionsJson = null)
    {
        var url = $"{Base()}/sessions/{sessionId}/participants/{participantId}";
        var response = subscriptionsJson is null ? await client.PutAsync(url, null) : await client.PutAsync(url, Json(subscriptionsJson));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Asserts the API's error shape: the status, a message containing <paramref name="messagePart"/>, and the request id in body and header.</summary>
    public static async Task<string> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? messagePart = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        string? error;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Bandwidth's unauthorizedRequest / forbiddenRequest: {"message"} only; the request id is in the header.
            Assert.Equal(["message"], doc.RootElement.EnumerateObject().Select(p => p.Name));
            error = doc.RootElement.GetProperty("message").GetString();
            Assert.False(string.IsNullOrWhiteSpace(Assert.Single(response.Headers.GetValues("X-Request-Id"))));
        }
        else
        {
            error = doc.RootElement.GetProperty("error").GetString();
            var requestId = doc.RootElement.GetProperty("requestId").GetString();
            Assert.False(string.IsNullOrWhiteSpace(requestId));
            Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
        }

        Assert.False(string.IsNullOrWhiteSpace(error));
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, error, StringComparison.OrdinalIgnoreCase);
        }

        return error!;
    }
}
