using System.Net;
using System.Net.Http.Json;
using ContactCenter.Core.Routing;
using ContactCenter.Web.Tests.Infrastructure;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

public sealed class CallModesApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateDemoClient();

    [Fact]
    public async Task SetMode_Whisper_AppliesThePlannedEdgesToTheRouter()
    {
        var (session, customer, agent, supervisor) = await CreateCallAsync();

        var response = await _client.PutAsJsonAsync(
            $"{Base()}/sessions/{session}/mode",
            new { mode = "whisper", supervisors = new[] { supervisor }, agents = new[] { agent }, customers = new[] { customer } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("whisper", (string)(await response.ReadJsonAsync())["mode"]!);

        // src/ContactCenter.Core/CallModes/README.md, whisper: C receives A; A receives C and S's microphone only; S receives C and A.
        ForwardingEdge[] expected =
        [
            new(agent, ForwardingEdge.AnyAlias, customer),
            new(customer, ForwardingEdge.AnyAlias, agent),
            new(supervisor, "microphone", agent),
            new(customer, ForwardingEdge.AnyAlias, supervisor),
            new(agent, ForwardingEdge.AnyAlias, supervisor),
        ];
        var applied = fixture.Factory.Router.LastEdges(session);
        Assert.NotNull(applied);
        Assert.Equal(expected.ToHashSet(), applied.ToHashSet());
        Assert.DoesNotContain(applied, e => e.PublisherId == supervisor && e.SubscriberId == customer);
    }

    [Fact]
    public async Task SetMode_IsStoredAsSubscriptionsAndShownByGet()
    {
        var (session, customer, agent, supervisor) = await CreateCallAsync();

        var response = await _client.PutAsJsonAsync(
            $"{Base()}/sessions/{session}/mode",
            new { mode = "MONITOR", supervisors = new[] { supervisor }, agents = new[] { agent }, customers = new[] { customer } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var mode = await (await _client.GetAsync($"{Base()}/sessions/{session}/mode")).ReadJsonAsync();
        Assert.Equal("monitor", (string)mode["mode"]!);
        var change = Assert.Single(mode["history"]!.AsArray())!;
        Assert.Equal(("monitor", "api:demo"), ((string)change["to"]!, (string)change["actor"]!));

        // Monitor: the customer receives only the agent.
        var subscriptions = await (await _client.GetAsync($"{Base()}/sessions/{session}/participants/{customer}/subscriptions")).ReadJsonAsync();
        Assert.Equal([agent], subscriptions["participants"]!.AsArray().Select(p => (string)p!["participantId"]!));
    }

    [Theory]
    [InlineData("fullyWired")]
    [InlineData("FULLYWIRED")]
    [InlineData("fully_wired")]
    [InlineData("Barge")]
    [InlineData("groupwhisper")]
    public async Task SetMode_NamesAreCaseInsensitive(string name)
    {
        var (session, customer, agent, supervisor) = await CreateCallAsync();

        var response = await _client.PutAsJsonAsync(
            $"{Base()}/sessions/{session}/mode",
            new { mode = name, supervisors = new[] { supervisor }, agents = new[] { agent }, customers = new[] { customer } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SetMode_UnknownMode_Returns400ListingTheModes()
    {
        var (session, customer, agent, supervisor) = await CreateCallAsync();

        var response = await _client.PutAsJsonAsync(
            $"{Base()}/sessions/{session}/mode",
            new { mode = "karaoke", supervisors = new[] { supervisor }, agents = new[] { agent }, customers = new[] { customer } });

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "karaoke");
        Assert.Contains("groupWhisper", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMode_RosterMissingAMember_Returns409AndChangesNothing()
    {
        var (session, customer, agent, _) = await CreateCallAsync();
        var appliedBefore = fixture.Factory.Router.ApplyCount(session);

        var response = await _client.PutAsJsonAsync(
            $"{Base()}/sessions/{session}/mode", new { mode = "fullyWired", agents = new[] { agent }, customers = new[] { customer } });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "has no role");
        Assert.Equal(appliedBefore, fixture.Factory.Router.ApplyCount(session));
        Assert.Null((await (await _client.GetAsync($"{Base()}/sessions/{session}/mode")).ReadJsonAsync())["mode"]);
    }

    [Fact]
    public async Task SetMode_MissingRequiredRole_Returns400()
    {
        var (session, customer, agent, supervisor) = await CreateCallAsync();

        var response = await _client.PutAsJsonAsync(
            $"{Base()}/sessions/{session}/mode", new { mode = "whisper", agents = new[] { agent, supervisor }, customers = new[] { customer } });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "supervisor");
    }

    [Fact]
    public async Task SetMode_UnknownSession_Returns404()
    {
        var response = await _client.PutAsJsonAsync($"{Base()}/sessions/nope/mode", new { mode = "fullyWired" });

        await response.AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetMode_NeverSet_ReturnsNoModeAndEmptyHistory()
    {
        var session = await _client.CreateSessionAsync();

        var body = await (await _client.GetAsync($"{Base()}/sessions/{session}/mode")).ReadJsonAsync();

        Assert.Equal(session, (string)body["sessionId"]!);
        Assert.Null(body["mode"]);
        Assert.Empty(body["history"]!.AsArray());
    }

    private async Task<(string Session, string Customer, string Agent, string Supervisor)> CreateCallAsync()
    {
        var session = await _client.CreateSessionAsync("call");
        var (customer, _) = await _client.CreateParticipantAsync("customer");
        var (agent, _) = await _client.CreateParticipantAsync("agent");
        var (supervisor, _) = await _client.CreateParticipantAsync("supervisor");
        foreach (var member in new[] { customer, agent, supervisor })
        {
            await _client.AddToSessionAsync(session, member, $$"""{"sessionId":"{{session}}"}""");
        }

        return (session, customer, agent, supervisor);
    }
}
