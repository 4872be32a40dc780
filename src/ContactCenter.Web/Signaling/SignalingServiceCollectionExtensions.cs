using ContactCenter.Core.Monitoring;
using ContactCenter.Core.Routing;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Transport;
using ContactCenter.Web.Api;
using ContactCenter.Web.Auth;
using ContactCenter.Web.Signaling;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Web;

/// <summary>Registers the SFU router as Core's media router, the signaling core, and the SignalR hub.</summary>
public static class SignalingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddContactCenterSignaling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SubscribeConnectionOverrides>();
        services.AddSingleton(sp =>
        {
            var transport = sp.GetRequiredService<UdpMediaTransport>();
            var overrides = sp.GetRequiredService<SubscribeConnectionOverrides>();
            return new SfuRouter(
                (router, participant) => overrides.TryCreate(participant) ?? SfuConnections.CreateSubscribe(transport, router, participant),
                new SfuRouterOptions(),
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new SfuConnections(sp.GetRequiredService<UdpMediaTransport>(), sp.GetRequiredService<SfuRouter>()));
        services.AddSingleton<SignalingCore>();
        services.AddSingleton<ISignalingObserver, CallPresenceObserver>();
        // The SFU replaces the logging stand-in and the planned-only snapshot, whatever registered them first.
        services.RemoveAll<IMediaRouter>();
        services.AddSingleton<IMediaRouter, SfuMediaRouterAdapter>();
        services.RemoveAll<IMediaSnapshotSource>();
        services.AddSingleton<IMediaSnapshotSource, SfuMediaSnapshotSource>();
        // Every hub's calls are logged by SignalingCallFilter (refusals without stack traces), not by SignalR's
        // dispatcher, which logs each HubException at Error with its stack trace.
        builder.Logging.AddFilter(SignalingCallFilter.DispatcherCategory, LogLevel.None);
        services.AddSignalR(o => o.AddFilter<SignalingCallFilter>())
            // Only our hub: Blazor's circuit hub keeps its own (smaller) limit.
            .AddHubOptions<RtcHub>(o => o.MaximumReceiveMessageSize =
                builder.Configuration.GetValue<int?>($"{Protection.LimitsOptions.SectionName}:{nameof(Protection.LimitsOptions.HubMessageBytes)}")
                ?? new Protection.LimitsOptions().HubMessageBytes);
        return builder;
    }

    public static WebApplication MapContactCenterSignaling(this WebApplication app)
    {
        app.MapHub<RtcHub>(RtcHub.Path);
        // Same group, auth and error handling as the REST API it extends (ApiServiceCollectionExtensions).
        app.MapGroup(ApiPaths.Prefix + "/accounts/{accountId}")
            .RequireAuthorization(ApiAuthDefaults.AccountPolicy)
            .RequireRateLimiting(Protection.RateLimitNames.Rest)
            .MapMediaApi();
        return app;
    }
}
