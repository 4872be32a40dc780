using System.Net;
using ContactCenter.Core.Routing;
using ContactCenter.Data;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

public sealed class SessionParticipantsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateDemoClient();

    [Fact]
    public async Task AddParticipant_NoBody_Returns204AndListShowsIt()
    {
        var session = await _client.CreateSessionAsync();
        var (id, _) = await _client.CreateParticipantAsync(tag: "caller");

        var response = await _client.PutAsync($"{Base()}/sessions/{session}/participants/{id}", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var list = (await (await _client.GetAsync($"{Base()}/sessions/{session}/participants")).ReadJsonAsync()).AsArray();
        var member = Assert.Single(list)!;
        Assert.Equal(id, (string)member["id"]!);
        Assert.Equal([session], member["sessions"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("caller", (string)member["tag"]!);
    }

    [Fact]
    public async Task AddParticipant_WithSubscriptions_StoresThemAndAppliesEdges()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        var (b, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);

        await _client.AddToSessionAsync(session, b, $$"""{"sessionId":"{{session}}","participants":[{"participantId":"{{a}}","streamAliases":["microphone"]}]}""");

        var subscriptions = await (await _client.GetAsync($"{Base()}/sessions/{session}/participants/{b}/subscriptions")).ReadJsonAsync();
        Assert.Equal(session, (string)subscriptions["sessionId"]!);
        var entry = Assert.Single(subscriptions["participants"]!.AsArray())!;
        Assert.Equal(a, (string)entry["participantId"]!);
        Assert.Equal(["microphone"], entry["streamAliases"]!.AsArray().Select(s => (string)s!));
        Assert.Equal([new ForwardingEdge(a, "microphone", b)], fixture.Factory.Router.LastEdges(session));
    }

    [Fact]
    public async Task AddParticipant_AlreadyMember_Returns204AndKeepsOneMembership()
    {
        var session = await _client.CreateSessionAsync();
        var (id, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, id);

        var again = await _client.PutAsync($"{Base()}/sessions/{session}/participants/{id}", null);

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Single((await (await _client.GetAsync($"{Base()}/sessions/{session}/participants")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task AddParticipant_InAnotherSession_Returns409()
    {
        var first = await _client.CreateSessionAsync();
        var second = await _client.CreateSessionAsync();
        var (id, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(first, id);

        var response = await _client.PutAsync($"{Base()}/sessions/{second}/participants/{id}", null);

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "already in session");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.GetAsync($"{Base()}/sessions/{second}/participants")).StatusCode);
    }

    [Fact]
    public async Task AddParticipant_21stMember_Returns409AndLeaves20MembersAndNoStrayRows()
    {
        var session = await _client.CreateSessionAsync();
        for (var i = 0; i < 20; i++)
        {
            var (member, _) = await _client.CreateParticipantAsync(tag: $"m{i}");
            await _client.AddToSessionAsync(session, member);
        }

        var (late, _) = await _client.CreateParticipantAsync(tag: "late");
        var appliedBefore = fixture.Factory.Router.ApplyCount(session);

        var response = await _client.PutAsync(
            $"{Base()}/sessions/{session}/participants/{late}", Json($$"""{"sessionId":"{{session}}"}"""));

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "full");
        Assert.Equal(20, (await (await _client.GetAsync($"{Base()}/sessions/{session}/participants")).ReadJsonAsync()).AsArray().Count);
        var lateNow = await (await _client.GetAsync($"{Base()}/participants/{late}")).ReadJsonAsync();
        Assert.Empty(lateNow["sessions"]!.AsArray());
        Assert.Null(lateNow["subscriptions"]);
        Assert.Equal(appliedBefore, fixture.Factory.Router.ApplyCount(session));

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        Assert.Equal(20, await db.Participants.CountAsync(p => p.SessionId == session));
        var stored = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == late);
        Assert.Null(stored.SessionId);
        Assert.Null(stored.JoinedAt);
        Assert.True(stored.Subscriptions.IsEmpty);
    }

    [Fact]
    public async Task RemoveParticipant_Member_Returns204AndDropsSubscriptionsNamingIt()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        var (b, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);
        await _client.AddToSessionAsync(session, b, $$"""{"participants":[{"participantId":"{{a}}"}]}""");

        var response = await _client.DeleteAsync($"{Base()}/sessions/{session}/participants/{a}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var members = (await (await _client.GetAsync($"{Base()}/sessions/{session}/participants")).ReadJsonAsync()).AsArray();
        Assert.Equal([b], members.Select(m => (string)m!["id"]!));
        // b's only entry named a, so b has no subscriptions left (204, as Bandwidth's spec answers "none").
        Assert.Equal(HttpStatusCode.NoContent, (await _client.GetAsync($"{Base()}/sessions/{session}/participants/{b}/subscriptions")).StatusCode);
        Assert.Empty(fixture.Factory.Router.LastEdges(session)!);

        // Removing someone who is no longer a member is a 404, not a silent success.
        await (await _client.DeleteAsync($"{Base()}/sessions/{session}/participants/{a}")).AssertErrorAsync(HttpStatusCode.NotFound, "not a member");
    }

    [Fact]
    public async Task ReplaceSubscriptions_ThenGet_ReturnsTheNewSet()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        var (b, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);
        await _client.AddToSessionAsync(session, b);

        var response = await _client.PutAsync(
            $"{Base()}/sessions/{session}/participants/{b}/subscriptions",
            Json($$"""{"sessionId":"{{session}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var subscriptions = await (await _client.GetAsync($"{Base()}/sessions/{session}/participants/{b}/subscriptions")).ReadJsonAsync();
        Assert.Equal(session, (string)subscriptions["sessionId"]!);
        Assert.Empty(subscriptions["participants"]!.AsArray());
        Assert.Equal([new ForwardingEdge(a, ForwardingEdge.AnyAlias, b)], fixture.Factory.Router.LastEdges(session));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    public async Task ReplaceSubscriptions_EmptyBody_RemovesAll(string? body)
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        var (b, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);
        await _client.AddToSessionAsync(session, b, $$"""{"sessionId":"{{session}}"}""");

        var url = $"{Base()}/sessions/{session}/participants/{b}/subscriptions";
        var response = await _client.PutAsync(url, body is null ? null : Json(body));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        // No subscriptions left: Bandwidth's spec answers 204 without a body.
        var after = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NoContent, after.StatusCode);
        Assert.Empty(await after.Content.ReadAsByteArrayAsync());
        Assert.Empty(fixture.Factory.Router.LastEdges(session)!);
    }

    [Fact]
    public async Task ReplaceSubscriptions_SessionIdMismatch_Returns400()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);

        var response = await _client.PutAsync(
            $"{Base()}/sessions/{session}/participants/{a}/subscriptions", Json("""{"sessionId":"some-other-session"}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "must equal the session in the path");
    }

    [Fact]
    public async Task AddParticipant_SessionIdMismatch_Returns400AndDoesNotJoin()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();

        var response = await _client.PutAsync($"{Base()}/sessions/{session}/participants/{a}", Json("""{"sessionId":"elsewhere"}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "sessionId");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.GetAsync($"{Base()}/sessions/{session}/participants")).StatusCode);
    }

    [Fact]
    public async Task ReplaceSubscriptions_WrongTypedAliases_Returns400()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);

        var response = await _client.PutAsync(
            $"{Base()}/sessions/{session}/participants/{a}/subscriptions",
            Json("""{"participants":[{"participantId":"x","streamAliases":"microphone"}]}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "$.participants[0].streamAliases");
    }

    [Fact]
    public async Task ReplaceSubscriptions_UnknownParticipant_Returns400()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);

        var response = await _client.PutAsync(
            $"{Base()}/sessions/{session}/participants/{a}/subscriptions",
            Json("""{"participants":[{"participantId":"ghost"}]}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "ghost");
    }

    [Fact]
    public async Task GetSubscriptions_NotAMember_Returns404()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();

        var response = await _client.GetAsync($"{Base()}/sessions/{session}/participants/{a}/subscriptions");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not a member");
    }

    [Fact]
    public async Task ListParticipants_EmptySession_Returns204WithoutBody()
    {
        var session = await _client.CreateSessionAsync();

        var response = await _client.GetAsync($"{Base()}/sessions/{session}/participants");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetSubscriptions_MemberWithoutSubscriptions_Returns204WithoutBody()
    {
        var session = await _client.CreateSessionAsync();
        var (a, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, a);

        var response = await _client.GetAsync($"{Base()}/sessions/{session}/participants/{a}/subscriptions");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ListParticipants_UnknownSession_Returns404()
    {
        await (await _client.GetAsync($"{Base()}/sessions/unknown/participants")).AssertErrorAsync(HttpStatusCode.NotFound);
    }
}
