using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactCenter.E2E.Sfu;

/// <summary>The REST API as a 3PCC application drives it (Basic auth with the bootstrap demo credential).</summary>
internal sealed class SfuApi : IDisposable
{
    private const string Account = "demo";
    private readonly HttpClient _http;

    public SfuApi(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:demo-secret-change-me")));
    }

    private static string Base => $"/v1/accounts/{Account}";

    public async Task<string> CreateSessionAsync()
    {
        var response = await _http.PostAsync(Base + "/sessions", Json("{}"));
        return (await ReadAsync(response))["id"]!.GetValue<string>();
    }

    public Task<(string Id, string Token)> CreateParticipantAsync(params string[] permissions) =>
        CreateParticipantWithVersionAsync("V3", permissions);

    /// <summary>A participant whose token makes the Bandwidth SDK speak device protocol v2.</summary>
    public Task<(string Id, string Token)> CreateV2ParticipantAsync(params string[] permissions) =>
        CreateParticipantWithVersionAsync("V2", permissions);

    private async Task<(string Id, string Token)> CreateParticipantWithVersionAsync(string deviceApiVersion, string[] permissions)
    {
        var body = new JsonObject
        {
            ["publishPermissions"] = new JsonArray([.. permissions.Select(p => JsonValue.Create(p))]),
            ["deviceApiVersion"] = deviceApiVersion,
        };
        var json = await ReadAsync(await _http.PostAsync(Base + "/participants", Json(body.ToJsonString())));
        return (json["participant"]!["id"]!.GetValue<string>(), json["token"]!.GetValue<string>());
    }

    public async Task AddMemberAsync(string sessionId, string participantId, string? subscriptionsJson = null)
    {
        var response = await _http.PutAsync($"{Base}/sessions/{sessionId}/participants/{participantId}", subscriptionsJson is null ? null : Json(subscriptionsJson));
        await EnsureAsync(response);
    }

    public async Task RemoveMemberAsync(string sessionId, string participantId) =>
        await EnsureAsync(await _http.DeleteAsync($"{Base}/sessions/{sessionId}/participants/{participantId}"));

    /// <summary>The edges the server reports from <paramref name="publisher"/> to <paramref name="subscriber"/>: alias → packets.</summary>
    public async Task<Dictionary<string, long>> EdgesAsync(string sessionId, string publisher, string subscriber)
    {
        var json = await ReadAsync(await _http.GetAsync($"{Base}/sessions/{sessionId}/media"));
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var edge in json["edges"]!.AsArray())
        {
            if (edge!["publisherId"]!.GetValue<string>() == publisher && edge["subscriberId"]!.GetValue<string>() == subscriber)
            {
                result[edge["alias"]!.GetValue<string>()] = edge["packets"]!.GetValue<long>();
            }
        }

        return result;
    }

    public async Task SetModeAsync(string sessionId, string mode, string supervisor, string agent, string customer)
    {
        var body = new JsonObject
        {
            ["mode"] = mode,
            ["supervisors"] = new JsonArray(supervisor),
            ["agents"] = new JsonArray(agent),
            ["customers"] = new JsonArray(customer),
        };
        await EnsureAsync(await _http.PutAsync($"{Base}/sessions/{sessionId}/mode", Json(body.ToJsonString())));
    }

    /// <summary>
    /// Packets forwarded so far from <paramref name="publisher"/> (all aliases, or one) to <paramref name="subscriber"/>
    /// on the live edges; null when no live edge connects them.
    /// </summary>
    public async Task<long?> EdgePacketsAsync(string sessionId, string publisher, string subscriber, string? alias = null)
    {
        var json = await ReadAsync(await _http.GetAsync($"{Base}/sessions/{sessionId}/media"));
        long? packets = null;
        foreach (var edge in json["edges"]!.AsArray())
        {
            if (edge!["publisherId"]!.GetValue<string>() == publisher && edge["subscriberId"]!.GetValue<string>() == subscriber
                && (alias is null || edge["alias"]!.GetValue<string>() == alias))
            {
                packets = (packets ?? 0) + edge["packets"]!.GetValue<long>();
            }
        }

        return packets;
    }

    public Task<HttpResponseMessage> GetMediaAsync(string sessionId) => _http.GetAsync($"{Base}/sessions/{sessionId}/media");

    public void Dispose() => _http.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
