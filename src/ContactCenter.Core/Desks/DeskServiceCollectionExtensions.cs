using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Core.Desks;

public static class DeskServiceCollectionExtensions
{
    /// <summary>The wrap-up, the disposition catalog and the roster clock. The host registers an <see cref="IDeskStore"/> (the database's).</summary>
    public static IServiceCollection AddContactCenterDesks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WrapUpDesk>();
        services.TryAddSingleton<DispositionCatalog>();
        services.TryAddSingleton<AgentStateClock>();
        return services;
    }
}
