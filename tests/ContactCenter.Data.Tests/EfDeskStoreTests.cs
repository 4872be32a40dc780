using ContactCenter.Core.Desks;
using ContactCenter.Core.Queue;
using ContactCenter.Data.CallCenter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Data.Tests;

/// <summary>The desks' records in a real SQLite file: calls written by the call center's store, read back as history.</summary>
public sealed class EfDeskStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 13, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task CodesAndSettings_SavedThenReadInANewProvider_SameValuesInOrder()
    {
        await using (var provider = await NewProviderAsync())
        {
            var store = provider.GetRequiredService<IDeskStore>();
            Assert.IsType<EfDeskStore>(store);
            Assert.Equal(DeskSettings.DefaultServiceLevelTargetSeconds, (await store.GetSettingsAsync()).ServiceLevelTargetSeconds);
            await store.SaveCodeAsync(new DispositionCode("k1", "Resolved", true));
            await store.SaveCodeAsync(new DispositionCode("k2", "Call back", true));
            await store.SaveCodeAsync(new DispositionCode("k1", "Resolved", false));
            await store.SaveSettingsAsync(new DeskSettings { ServiceLevelTargetSeconds = 45 });
        }

        await using (var provider = await NewProviderAsync())
        {
            var store = provider.GetRequiredService<IDeskStore>();
            Assert.Equal([new DispositionCode("k1", "Resolved", false), new DispositionCode("k2", "Call back", true)], await store.GetCodesAsync());
            Assert.Equal(45, (await store.GetSettingsAsync()).ServiceLevelTargetSeconds);
        }
    }

    [Fact]
    public async Task SaveDispositionAsync_EndedCall_OnceOnlyAndShownInTheCallersHistory()
    {
        await using var provider = await NewProviderAsync();
        var calls = provider.GetRequiredService<ICallCenterStore>();
        var store = provider.GetRequiredService<IDeskStore>();
        await store.SaveCodeAsync(new DispositionCode("k1", "Resolved", true));
        var alice = new StoredCallMember("p-a1", "u-alice", "Alice", false);
        var first = Call("c1", T0, "tel:+15550100", [alice], ended: true);
        var second = Call("c2", T0.AddHours(1), "tel:+15550100", [alice with { ParticipantId = "p-a2" }], ended: true);
        var other = Call("c3", T0.AddHours(2), "web:someone-else-0000", [], ended: true);
        var live = Call("c4", T0.AddHours(3), "tel:+15550100", [], ended: false);
        await calls.SaveAsync([first, second, other, live], []);

        Assert.Equal("c2", (await store.FindLastCallOfAgentAsync("u-alice"))?.CallId);
        Assert.True(await store.SaveDispositionAsync("c1", "k1", "Reset the router.", "Alice", T0.AddMinutes(5)));
        Assert.False(await store.SaveDispositionAsync("c1", null, "again", "Alice", T0.AddMinutes(6)));
        Assert.False(await store.SaveDispositionAsync("c4", null, "live call", "Alice", T0.AddMinutes(6)));

        // The call center saves the call again later (a restart, a late member change): the wrap-up stays.
        await calls.SaveAsync([first], []);

        var history = await store.GetCallerHistoryAsync("tel:+15550100", exceptCallId: "c2", limit: 10);
        var only = Assert.Single(history);
        Assert.Equal(("c1", "Resolved", "Reset the router.", "Alice"), (only.CallId, only.DispositionLabel, only.DispositionNote, only.DispositionBy));
        Assert.Equal(["Alice"], only.AgentNames);
        Assert.Equal(T0.AddMinutes(5), only.DispositionAt);
    }

    [Fact]
    public async Task GetCallsSinceAsync_CallsOfTheDay_NewestFirstLiveIncluded()
    {
        await using var provider = await NewProviderAsync();
        var calls = provider.GetRequiredService<ICallCenterStore>();
        var store = provider.GetRequiredService<IDeskStore>();
        await calls.SaveAsync(
            [Call("yesterday", T0.AddDays(-1), null, [], ended: true), Call("morning", T0, null, [], ended: true), Call("now", T0.AddHours(2), null, [], ended: false)],
            []);

        var today = await store.GetCallsSinceAsync(new DateTimeOffset(T0.Date, TimeSpan.Zero), limit: 100);

        Assert.Equal(["now", "morning"], today.Select(c => c.CallId));
        Assert.Null(today[0].EndedAt);
    }

    private static StoredCall Call(string id, DateTimeOffset at, string? callerKey, IReadOnlyList<StoredCallMember> agents, bool ended) => new(
        id, "p-" + id, "Carol", "web-caller", at, null, null, new Dictionary<string, DateTimeOffset>(),
        agents.Count > 0 ? at.AddSeconds(10) : null, ended ? at.AddMinutes(3) : null, [], agents, null, callerKey);

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
