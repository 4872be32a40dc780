using System.Net;
using ContactCenter.Web.Tests.Infrastructure;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

/// <summary>The curl walk-through of README.md ("## REST API"), request by request.</summary>
public sealed class WalkthroughTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ReadmeWalkthrough_RunsAsWritten()
    {
        var api = fixture.Factory.CreateDemoClient();
        const string A = "/v1/accounts/demo";

        // 1. A session.
        var session = (string)(await (await api.PostAsync($"{A}/sessions", Json("""{"tag":"support-call-1"}"""))).ReadJsonAsync())["id"]!;

        // 2. Two participants, each with its token.
        var created = await (await api.PostAsync($"{A}/participants", Json("""{"publishPermissions":["AUDIO","VIDEO"],"tag":"customer","deviceApiVersion":"V3"}"""))).ReadJsonAsync();
        var customer = (string)created["participant"]!["id"]!;
        Assert.False(string.IsNullOrEmpty((string)created["token"]!));
        var agent = (string)(await (await api.PostAsync($"{A}/participants", Json("""{"publishPermissions":["AUDIO"],"tag":"agent"}"""))).ReadJsonAsync())["participant"]!["id"]!;

        // 3. Both join; each receives the whole session.
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync($"{A}/sessions/{session}/participants/{customer}", Json($$"""{"sessionId":"{{session}}"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync($"{A}/sessions/{session}/participants/{agent}", Json($$"""{"sessionId":"{{session}}"}"""))).StatusCode);

        // 4. Who is in the call, and what the agent receives.
        Assert.Equal(2, (await (await api.GetAsync($"{A}/sessions/{session}/participants")).ReadJsonAsync()).AsArray().Count);
        Assert.Equal(session, (string)(await (await api.GetAsync($"{A}/sessions/{session}/participants/{agent}/subscriptions")).ReadJsonAsync())["sessionId"]!);

        // 5. The customer hears only the agent's microphone.
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync(
            $"{A}/sessions/{session}/participants/{customer}/subscriptions",
            Json($$"""{"sessionId":"{{session}}","participants":[{"participantId":"{{agent}}","streamAliases":["microphone"]}]}"""))).StatusCode);

        // 6. A supervisor joins and whispers to the agent.
        var supervisor = (string)(await (await api.PostAsync($"{A}/participants", Json("""{"publishPermissions":["AUDIO"],"tag":"supervisor"}"""))).ReadJsonAsync())["participant"]!["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync($"{A}/sessions/{session}/participants/{supervisor}", null)).StatusCode);
        var mode = await api.PutAsync(
            $"{A}/sessions/{session}/mode",
            Json($$"""{"mode":"whisper","supervisors":["{{supervisor}}"],"agents":["{{agent}}"],"customers":["{{customer}}"]}"""));
        Assert.Equal(HttpStatusCode.OK, mode.StatusCode);
        Assert.Equal("whisper", (string)(await (await api.GetAsync($"{A}/sessions/{session}/mode")).ReadJsonAsync())["mode"]!);

        // 7. An error: a 51-character tag.
        await (await api.PostAsync($"{A}/sessions", Json($$"""{"tag":"{{new string('x', 51)}}"}"""))).AssertErrorAsync(HttpStatusCode.BadRequest, "50");

        // 8. Clean up.
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{A}/sessions/{session}/participants/{supervisor}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{A}/sessions/{session}")).StatusCode);
        foreach (var id in new[] { customer, agent, supervisor })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{A}/participants/{id}")).StatusCode);
        }
    }
}
