using ContactCenter.Sip;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.UserAgent;
using ContactCenter.Web.Sip;

namespace ContactCenter.Web;

/// <summary>Phones: the SIP user agent (section "Sip"), its call handler over Core and the SFU, and its hosted service.</summary>
public static class PhoneHostingExtensions
{
    public const string SectionName = "Sip";

    public static WebApplicationBuilder AddContactCenterPhones(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SipOptions>().BindConfiguration(SectionName).ValidateOnStart();
        services.AddOptions<PhoneCallOptions>().BindConfiguration(SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhoneCallHandler>();
        services.AddSingleton<ISipCallHandler>(sp => sp.GetRequiredService<PhoneCallHandler>());
        services.AddSingleton<IPhoneMediaSink>(sp => sp.GetRequiredService<PhoneCallHandler>());
        services.AddContactCenterSip();
        services.AddSingleton<SipHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        return builder;
    }
}
