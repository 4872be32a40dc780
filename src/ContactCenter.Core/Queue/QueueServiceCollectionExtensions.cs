using ContactCenter.Core.Agents;
using ContactCenter.Core.Services;
using ContactCenter.Core.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Core.Queue;

public static class QueueServiceCollectionExtensions
{
    /// <summary>
    /// The call queue (singleton <see cref="CallCenter"/>), the usage log (in memory unless the host registered a
    /// persistent one first) and the DTMF feed. The host binds <see cref="CallCenterOptions"/>.
    /// </summary>
    public static IServiceCollection AddContactCenterQueue(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICallScopeFactory, ServiceProviderCallScopeFactory>();
        services.TryAddSingleton<IUsageLog, InMemoryUsageLog>();
        services.TryAddSingleton<IDtmfFeed, DtmfFeed>();
        services.TryAddSingleton<ICallCenterStore, InMemoryCallCenterStore>();
        services.TryAddSingleton<CallEvents>();
        services.TryAddSingleton<CallCenter>();
        return services;
    }
}
