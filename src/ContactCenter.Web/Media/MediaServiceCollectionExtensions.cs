using ContactCenter.Media.Transport;
using ContactCenter.Web.Media;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web;

/// <summary>Registers the media data plane: the UDP transport, started and stopped with the host.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>Setting that enables the development echo endpoint (<c>Media:DevEcho</c>).</summary>
    public const string DevEchoSetting = MediaTransportOptions.SectionName + ":DevEcho";

    public static WebApplicationBuilder AddContactCenterMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaTransportOptions>()
            .BindConfiguration(MediaTransportOptions.SectionName)
            .Validate(o => System.Net.IPAddress.TryParse(o.ListenAddress, out _), "Media:ListenAddress must be an IP address.")
            .Validate(o => o.Port is >= 0 and <= 65535, "Media:Port must be 0-65535.")
            .Validate(
                o => o.AnnouncedAddresses is not null,
                "Media:AnnouncedAddress must be IP addresses (IPv4 or IPv6) separated by commas, each at most once.")
            .ValidateOnStart();
        builder.Services.AddOptions<TurnOptions>()
            .BindConfiguration(TurnOptions.SectionName)
            .Validate(o => o.Problem() is null, "Media:Turn is invalid: Urls need a Secret, URLs start with turn:, turns: or stun:, TtlSeconds is 60-604800.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TurnCredentialIssuer>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new UdpMediaTransport(
            sp.GetRequiredService<IOptions<MediaTransportOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<MediaTransportHostedService>();
        return builder;
    }

    /// <summary>Maps media endpoints; today only the development echo, and only when <c>Media:DevEcho</c> is true.</summary>
    public static WebApplication MapContactCenterMedia(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(DevEchoSetting))
        {
            app.MapDevEchoEndpoints();
        }

        return app;
    }
}
