using ContactCenter.Core.Auditing;
using ContactCenter.Core.CallModes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Data.Tests;

public sealed class EfModeAuditLogTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Record_ThenList_ReturnsTheSessionsChangesOldestFirst()
    {
        await (await _database.CreateMigratedContextAsync()).DisposeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ContactCenter"] = _database.ConnectionString })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddContactCenterData(configuration, _database.Folder);
        await using var provider = services.BuildServiceProvider();
        var audit = provider.GetRequiredService<IModeAuditLog>();
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        await audit.RecordAsync(new ModeChangeAudit("acme", "s1", null, CallMode.FullyWired, "api:demo", at));
        await audit.RecordAsync(new ModeChangeAudit("acme", "s2", null, CallMode.Monitor, "api:demo", at));
        await audit.RecordAsync(new ModeChangeAudit("acme", "s1", CallMode.FullyWired, CallMode.Whisper, "api:sup", at.AddMinutes(1)));

        var list = await audit.ListAsync("acme", "s1");

        Assert.IsType<EfModeAuditLog>(audit);
        Assert.Equal(
            [new ModeChangeAudit("acme", "s1", null, CallMode.FullyWired, "api:demo", at),
             new ModeChangeAudit("acme", "s1", CallMode.FullyWired, CallMode.Whisper, "api:sup", at.AddMinutes(1))],
            list);
        Assert.Empty(await audit.ListAsync("other", "s1"));
    }
}
