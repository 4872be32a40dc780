using ContactCenter.Core.Persistence;
using ContactCenter.Core.Services;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Core.Queue;

/// <summary>A <see cref="ICallScope"/> per DI scope.</summary>
internal sealed class ServiceProviderCallScopeFactory : ICallScopeFactory
{
    private readonly IServiceScopeFactory _scopes;

    public ServiceProviderCallScopeFactory(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public ICallScope Open() => new Scope(_scopes.CreateAsyncScope());

    private sealed class Scope(AsyncServiceScope scope) : ICallScope
    {
        public ICallStore Store => scope.ServiceProvider.GetRequiredService<ICallStore>();

        public SessionService Sessions => scope.ServiceProvider.GetRequiredService<SessionService>();

        public ParticipantService Participants => scope.ServiceProvider.GetRequiredService<ParticipantService>();

        public CallControl Control => scope.ServiceProvider.GetRequiredService<CallControl>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
