using System.Net;
using ContactCenter.Core.Tokens;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

public sealed class RestartTests : IDisposable
{
    private readonly string _folder = ApiFactory.CreateFolder();

    public void Dispose() => ApiFactory.DeleteFolder(_folder);

    [Fact]
    public async Task Restart_OverTheSameDatabase_KeepsAccountsSessionsParticipantsSubscriptionsAndTokens()
    {
        string session, a, b, token;
        await using (var first = new ApiFactory(_folder))
        {
            await first.AddAccountAsync("second", "second-user", "second-secret");
            var client = first.CreateDemoClient();
            session = await client.CreateSessionAsync("kept");
            (a, token) = await client.CreateParticipantAsync("alice", ["AUDIO"]);
            (b, _) = await client.CreateParticipantAsync("bob");
            await client.AddToSessionAsync(session, a);
            await client.AddToSessionAsync(session, b, $$"""{"sessionId":"{{session}}","participants":[{"participantId":"{{a}}","streamAliases":["microphone"]}]}""");
        }

        await using var second = new ApiFactory(_folder);
        var again = second.CreateDemoClient();

        var sessionBody = await (await again.GetAsync($"{Base()}/sessions/{session}")).ReadJsonAsync();
        Assert.Equal("kept", (string)sessionBody["tag"]!);

        var members = (await (await again.GetAsync($"{Base()}/sessions/{session}/participants")).ReadJsonAsync()).AsArray();
        Assert.Equal(new[] { a, b }.Order(), members.Select(m => (string)m!["id"]!).Order());

        var alice = await (await again.GetAsync($"{Base()}/participants/{a}")).ReadJsonAsync();
        Assert.Equal(("alice", "AUDIO"), ((string)alice["tag"]!, (string)Assert.Single(alice["publishPermissions"]!.AsArray())!));

        var subscriptions = await (await again.GetAsync($"{Base()}/sessions/{session}/participants/{b}/subscriptions")).ReadJsonAsync();
        var entry = Assert.Single(subscriptions["participants"]!.AsArray())!;
        Assert.Equal((a, "microphone"), ((string)entry["participantId"]!, (string)Assert.Single(entry["streamAliases"]!.AsArray())!));

        // The account added before the restart still authenticates; the bootstrap was not run a second time.
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClientFor("second-user", "second-secret").PostAsync($"{Base("second")}/sessions", null)).StatusCode);

        await using var scope = second.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<ParticipantTokenService>().ValidateAsync(token)).IsValid);
    }
}
