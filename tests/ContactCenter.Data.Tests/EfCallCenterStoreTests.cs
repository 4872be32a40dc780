using ContactCenter.Core.Queue;
using ContactCenter.Data.CallCenter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Data.Tests;

public sealed class EfCallCenterStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 13, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SaveAsync_ThenLoadInANewProvider_SameCallsMembersOffersAndAgents()
    {
        var waiting = new StoredCall("c1", "p1", "Carol", "web-caller", T0, 7, new QueueOffer("c1", "u-alice", T0, T0.AddSeconds(20)),
            new Dictionary<string, DateTimeOffset> { ["u-bob"] = T0.AddSeconds(1) }, null, null, [], [], "HASH");
        var connected = new StoredCall("c2", "p2", "Dave", "phone", T0, null, null, new Dictionary<string, DateTimeOffset>(), T0.AddSeconds(5), null,
            ["p-agent"], [new StoredCallMember("p-agent", "u-bob", "Bob", false), new StoredCallMember("p-sup", "u-sue", "Sue", true)], null);
        var ended = connected with { CallId = "c3", CustomerParticipantId = "p3", EndedAt = T0.AddMinutes(1), Members = [] };
        await using (var provider = await NewProviderAsync())
        {
            var store = provider.GetRequiredService<ICallCenterStore>();
            Assert.IsType<EfCallCenterStore>(store);
            await store.SaveAsync([waiting, connected, ended], [new StoredAgent("u-bob", AgentStatus.Available, T0, "c2", null)]);

            // A member leaves and the agent's call ends: the rows follow.
            await store.SaveAsync([connected with { Members = [connected.Members[0]] }],
                [new StoredAgent("u-bob", AgentStatus.Busy, T0.AddMinutes(2), null, T0.AddMinutes(3))]);
        }

        await using (var provider = await NewProviderAsync())
        {
            var store = provider.GetRequiredService<ICallCenterStore>();
            var calls = (await store.LoadLiveCallsAsync()).OrderBy(c => c.CallId).ToList();

            Assert.Equal(["c1", "c2"], calls.Select(c => c.CallId));
            Assert.Equal((7L, "u-alice", T0.AddSeconds(20), "HASH"), (calls[0].QueueSequence, calls[0].Offer?.AgentId, calls[0].Offer?.ExpiresAt, calls[0].CustomerResumeHash));
            Assert.Equal(T0.AddSeconds(1), calls[0].DeclinedBy["u-bob"]);
            Assert.Equal([new StoredCallMember("p-agent", "u-bob", "Bob", false)], calls[1].Members);
            Assert.Equal(["p-agent"], calls[1].Whispered);
            Assert.Equal([new StoredAgent("u-bob", AgentStatus.Busy, T0.AddMinutes(2), null, T0.AddMinutes(3))], await store.LoadAgentsAsync());
        }
    }

    private async Task<ServiceProvider> NewProviderAsync()
    {
        await (await _database.CreateMigratedContextAsync()).DisposeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ContactCenter"] = _database.ConnectionString })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddContactCenterData(configuration, _database.Folder);
        return services.BuildServiceProvider();
    }
}
