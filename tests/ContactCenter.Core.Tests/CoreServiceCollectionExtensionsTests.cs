using ContactCenter.Core.Auditing;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Services;
using ContactCenter.Core.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Core.Tests;

public sealed class CoreServiceCollectionExtensionsTests
{
    [Fact]
    public void AddContactCenterCore_WithStoreAndRouter_ResolvesScopedServicesAndSingletons()
    {
        using var provider = Services().AddContactCenterCore().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope1 = provider.CreateScope();
        using var scope2 = provider.CreateScope();

        Assert.NotNull(scope1.ServiceProvider.GetRequiredService<ParticipantService>());
        Assert.NotNull(scope1.ServiceProvider.GetRequiredService<CallControl>());
        Assert.NotSame(scope1.ServiceProvider.GetRequiredService<SessionService>(), scope2.ServiceProvider.GetRequiredService<SessionService>());
        Assert.Same(scope1.ServiceProvider.GetRequiredService<SessionLocks>(), scope2.ServiceProvider.GetRequiredService<SessionLocks>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<InMemoryModeAuditLog>(provider.GetRequiredService<IModeAuditLog>());
    }

    [Fact]
    public void AddContactCenterCore_ClockAndAuditLogAlreadyRegistered_KeepsThem()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var audit = new InMemoryModeAuditLog();
        var services = Services().AddSingleton<TimeProvider>(clock).AddSingleton<IModeAuditLog>(audit);

        using var provider = services.AddContactCenterCore().BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Same(audit, provider.GetRequiredService<IModeAuditLog>());
    }

    private static IServiceCollection Services() =>
        new ServiceCollection()
            .AddLogging()
            .AddScoped<ICallStore, InMemoryCallStore>()
            .AddSingleton<IMediaRouter, RecordingMediaRouter>();
}
