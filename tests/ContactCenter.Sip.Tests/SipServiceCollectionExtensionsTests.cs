using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.UserAgent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Sip.Tests;

public sealed class SipServiceCollectionExtensionsTests
{
    /// <summary>Just enough of a container to run the registered factory (the DI implementation is the host's).</summary>
    private sealed class MapProvider(Dictionary<Type, object> map) : IServiceProvider
    {
        public object? GetService(Type serviceType) => map.GetValueOrDefault(serviceType);
    }

    [Fact]
    public async Task AddContactCenterSip_RegistersValidatorAndAUserAgentFactory()
    {
        var services = new ServiceCollection();

        services.AddContactCenterSip();
        services.AddContactCenterSip();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<SipOptions>) && d.ImplementationType == typeof(SipOptionsValidator));
        var agentDescriptor = Assert.Single(services, d => d.ServiceType == typeof(SipUserAgent));
        Assert.Equal(ServiceLifetime.Singleton, agentDescriptor.Lifetime);
        var provider = new MapProvider(new()
        {
            [typeof(IOptions<SipOptions>)] = Options.Create(new SipOptions { ListenAddress = "127.0.0.1", Port = 0 }),
            [typeof(ISipCallHandler)] = new TestCallHandler(),
            [typeof(TimeProvider)] = TimeProvider.System,
        });
        await using var agent = (SipUserAgent)agentDescriptor.ImplementationFactory!(provider);
        Assert.Empty(agent.Calls);
    }
}
