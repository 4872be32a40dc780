using System.Diagnostics.Metrics;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.UserAgent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Sip;

public static class SipServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SIP user agent as a singleton plus the <see cref="SipOptions"/> validator. The host
    /// binds the options (<c>AddOptions&lt;SipOptions&gt;().BindConfiguration("Sip").ValidateOnStart()</c>),
    /// registers its <see cref="ISipCallHandler"/> and, optionally, an <see cref="IPhoneMediaSink"/>, and
    /// calls <see cref="SipUserAgent.Start"/> from a hosted service (disposing it on stop).
    /// </summary>
    public static IServiceCollection AddContactCenterSip(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SipOptions>, SipOptionsValidator>());
        services.TryAddSingleton(sp => new SipUserAgent(
            sp.GetRequiredService<IOptions<SipOptions>>(),
            sp.GetRequiredService<ISipCallHandler>(),
            sp.GetService<IPhoneMediaSink>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SipUserAgent>>(),
            meterFactory: sp.GetService<IMeterFactory>()));
        return services;
    }
}
