using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

public sealed class ParticipantsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateDemoClient();

    [Fact]
    public async Task CreateParticipant_ValidBody_Returns200WithParticipantAndToken()
    {
        var response = await _client.PostAsync(
            $"{Base()}/participants",
            Json("""{"callbackUrl":"https://example.test/events","publishPermissions":["AUDIO","VIDEO"],"tag":"agent-7","deviceApiVersion":"V3"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var participant = body["participant"]!;
        var id = (string)participant["id"]!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("https://example.test/events", (string)participant["callbackUrl"]!);
        Assert.Equal(["AUDIO", "VIDEO"], participant["publishPermissions"]!.AsArray().Select(p => (string)p!));
        Assert.Empty(participant["sessions"]!.AsArray());
        Assert.Equal("agent-7", (string)participant["tag"]!);
        Assert.Equal("V3", (string)participant["deviceApiVersion"]!);

        // The official Bandwidth SDK decodes the token and speaks protocol v3 only when "v" is "V3".
        var token = new JsonWebToken((string)body["token"]!);
        Assert.Equal("V3", token.GetClaim("v").Value);
        Assert.Equal(id, token.Subject);
        Assert.Equal(ApiFactory.DemoAccount, token.GetClaim("acc").Value);
        Assert.True(token.ValidTo > DateTime.UtcNow.AddHours(1));
    }

    [Fact]
    public async Task CreateParticipant_EmptyObject_DefaultsToAudioVideoAndV2()
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var participant = (await response.ReadJsonAsync())["participant"]!;
        Assert.Equal(["AUDIO", "VIDEO"], participant["publishPermissions"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("V2", (string)participant["deviceApiVersion"]!);
        Assert.Null(participant["tag"]);
    }

    [Fact]
    public async Task CreateParticipant_LowercasePermission_IsAccepted()
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json("""{"publishPermissions":["audio"]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["AUDIO"], (await response.ReadJsonAsync())["participant"]!["publishPermissions"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task GetParticipant_Existing_Returns200()
    {
        var (id, _) = await _client.CreateParticipantAsync(tag: "get-me", permissions: ["AUDIO"]);

        var response = await _client.GetAsync($"{Base()}/participants/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(id, (string)body["id"]!);
        Assert.Equal("get-me", (string)body["tag"]!);
        Assert.Equal(["AUDIO"], body["publishPermissions"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task DeleteParticipant_Existing_Returns204AndThenItIsGone()
    {
        var (id, _) = await _client.CreateParticipantAsync();

        var response = await _client.DeleteAsync($"{Base()}/participants/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await _client.GetAsync($"{Base()}/participants/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, id);

        // Not idempotent: the second DELETE finds nothing (as Bandwidth's did).
        await (await _client.DeleteAsync($"{Base()}/participants/{id}")).AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteParticipant_Member_LeavesTheSessionAndOthersStopNamingIt()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        var (b, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);
        await _client.AddToSessionAsync(session, b, $$"""{"participants":[{"participantId":"{{a}}"}]}""");

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Base()}/participants/{a}")).StatusCode);

        var members = (await (await _client.GetAsync($"{Base()}/sessions/{session}/participants")).ReadJsonAsync()).AsArray();
        Assert.Equal([b], members.Select(m => (string)m!["id"]!));
        // b's only entry named a: it has no subscriptions left, which Bandwidth's spec answers with 204.
        Assert.Equal(HttpStatusCode.NoContent, (await _client.GetAsync($"{Base()}/sessions/{session}/participants/{b}/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task CreateParticipant_UnknownPermission_Returns400NamingIt()
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json("""{"publishPermissions":["AUDIO","SMELL"]}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "SMELL");
    }

    [Fact]
    public async Task CreateParticipant_DuplicatePermission_Returns400()
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json("""{"publishPermissions":["AUDIO","AUDIO"]}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "unique");
    }

    [Fact]
    public async Task CreateParticipant_51CharacterTag_Returns400()
    {
        var response = await _client.PostAsJsonAsync($"{Base()}/participants", new { tag = new string('t', 51) });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "50 characters");
    }

    [Fact]
    public async Task CreateParticipant_50CharacterTag_IsAccepted()
    {
        var response = await _client.PostAsJsonAsync($"{Base()}/participants", new { tag = new string('t', 50) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"tag":5}""", "$.tag")]
    [InlineData("""{"publishPermissions":"AUDIO"}""", "$.publishPermissions")]
    [InlineData("""{"publishPermissions":[1]}""", "$.publishPermissions")]
    [InlineData("""{"deviceApiVersion":{"v":3}}""", "$.deviceApiVersion")]
    public async Task CreateParticipant_WrongTypedField_Returns400NamingTheField(string json, string field)
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json(json));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "wrong type");
        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tag":""")]
    [InlineData("""{tag:"x"}""")]
    [InlineData("not json")]
    public async Task CreateParticipant_MalformedJson_Returns400(string json)
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json(json));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Malformed JSON");
    }

    [Fact]
    public async Task CreateParticipant_UnsupportedDeviceApiVersion_Returns400()
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json("""{"deviceApiVersion":"V4"}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "deviceApiVersion");
    }

    [Theory]
    [InlineData("v2", "V2")]
    [InlineData("V2", "V2")]
    [InlineData("v3", "V3")]
    public async Task CreateParticipant_DeviceApiVersionAnyCase_IsStoredAndPutInTheToken(string sent, string stored)
    {
        var response = await _client.PostAsync($"{Base()}/participants", Json($$"""{"deviceApiVersion":"{{sent}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(stored, (string)body["participant"]!["deviceApiVersion"]!);
        Assert.Equal(stored, new JsonWebToken((string)body["token"]!).GetClaim("v").Value);
    }

    [Fact]
    public async Task CreateParticipant_FormBody_Returns415()
    {
        var response = await _client.PostAsync($"{Base()}/participants", new FormUrlEncodedContent([new("tag", "x")]));

        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task GetParticipant_Unknown_Returns404()
    {
        var response = await _client.GetAsync($"{Base()}/participants/{Guid.NewGuid()}");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task ParticipantJson_OmitsAbsentOptionalFields()
    {
        var (id, _) = await _client.CreateParticipantAsync();

        var body = (JsonObject)await (await _client.GetAsync($"{Base()}/participants/{id}")).ReadJsonAsync();

        Assert.False(body.ContainsKey("callbackUrl"));
        Assert.False(body.ContainsKey("subscriptions"));
    }
}
