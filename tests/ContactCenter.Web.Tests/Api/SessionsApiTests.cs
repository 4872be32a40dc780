using System.Net;
using System.Net.Http.Json;
using ContactCenter.Web.Tests.Infrastructure;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

public sealed class SessionsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateDemoClient();

    [Fact]
    public async Task CreateSession_WithTag_Returns200WithIdAndTag()
    {
        var response = await _client.PostAsync($"{Base()}/sessions", Json("""{"tag":"support-call"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(Guid.TryParse((string)body["id"]!, out _));
        Assert.Equal("support-call", (string)body["tag"]!);
    }

    [Fact]
    public async Task CreateSession_NoBody_Returns200()
    {
        var response = await _client.PostAsync($"{Base()}/sessions", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["id"]);
    }

    [Fact]
    public async Task GetSession_Existing_Returns200()
    {
        var id = await _client.CreateSessionAsync("get-me");

        var response = await _client.GetAsync($"{Base()}/sessions/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal((id, "get-me"), ((string)body["id"]!, (string)body["tag"]!));
    }

    [Fact]
    public async Task DeleteSession_WithMembers_Returns204AndMembersRemainWithoutSession()
    {
        var id = await _client.CreateSessionAsync();
        var (member, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(id, member);

        var response = await _client.DeleteAsync($"{Base()}/sessions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(fixture.Factory.Router.WasRemoved(id));
        await (await _client.GetAsync($"{Base()}/sessions/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, id);
        var participant = await (await _client.GetAsync($"{Base()}/participants/{member}")).ReadJsonAsync();
        Assert.Empty(participant["sessions"]!.AsArray());
        await (await _client.DeleteAsync($"{Base()}/sessions/{id}")).AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateSession_51CharacterTag_Returns400()
    {
        var response = await _client.PostAsJsonAsync($"{Base()}/sessions", new { tag = new string('s', 51) });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "at most 50 characters");
    }

    [Fact]
    public async Task CreateSession_WrongTypedTag_Returns400()
    {
        var response = await _client.PostAsync($"{Base()}/sessions", Json("""{"tag":["a"]}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "'$.tag' has the wrong type");
    }

    [Fact]
    public async Task CreateSession_MalformedJson_Returns400()
    {
        var response = await _client.PostAsync($"{Base()}/sessions", Json("""{"tag":"x",}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Malformed JSON");
    }

    [Fact]
    public async Task GetSession_Unknown_Returns404()
    {
        await (await _client.GetAsync($"{Base()}/sessions/nope")).AssertErrorAsync(HttpStatusCode.NotFound, "nope");
    }
}
