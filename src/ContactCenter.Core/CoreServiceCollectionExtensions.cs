using ContactCenter.Core.Auditing;
using ContactCenter.Core.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The control-plane services (scoped, like the <see cref="Persistence.ICallStore"/> they use) and their
    /// singletons. The host registers <see cref="Persistence.ICallStore"/> and <see cref="Routing.IMediaRouter"/>;
    /// a persistent <see cref="IModeAuditLog"/> registered before or after this call wins over the in-memory one.
    /// </summary>
    public static IServiceCollection AddContactCenterCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SessionLocks>();
        services.TryAddSingleton<CallEvents>();
        services.TryAddSingleton<IModeAuditLog, InMemoryModeAuditLog>();
        services.TryAddScoped<SessionService>();
        services.TryAddScoped<ParticipantService>();
        services.TryAddScoped<CallControl>();
        return services;
    }
}
