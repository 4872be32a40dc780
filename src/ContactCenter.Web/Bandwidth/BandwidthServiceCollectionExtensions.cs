using ContactCenter.Web.Bandwidth;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web;

/// <summary>The Bandwidth-compatible device door (<c>/v3/</c>) and participant webhooks.</summary>
public static class BandwidthServiceCollectionExtensions
{
    public static WebApplicationBuilder AddContactCenterBandwidth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BandwidthWebhookOptions>()
            .Bind(builder.Configuration.GetSection(BandwidthWebhookOptions.Section))
            .Validate(o => o.Attempts >= 1 && o.Timeout > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero && o.MaxConcurrent >= 1 && o.QueueCapacity >= 1,
                "Bandwidth:Webhooks needs Attempts, MaxConcurrent and QueueCapacity >= 1, a positive Timeout and a non-negative RetryDelay.")
            .ValidateOnStart();
        services.AddSingleton<BandwidthWebhookQueue>();
        services.AddSingleton<ISignalingObserver>(sp => sp.GetRequiredService<BandwidthWebhookQueue>());
        services.AddHostedService<BandwidthWebhookSender>();

        // Each try has its own timeout (BandwidthWebhookOptions.Timeout); the client's own would cut retries short.
        services.AddHttpClient(BandwidthWebhookSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        return builder;
    }

    public static WebApplication MapContactCenterBandwidth(this WebApplication app)
    {
        var pipeline = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(BandwidthDeviceEndpoint.HandleAsync);
        var device = pipeline.Build();

        // The SDK connects to "{websocketUrl}/v3/?token=…"; "/v3" routes match with and without the slash.
        app.Map(BandwidthDeviceEndpoint.Path, device).AllowAnonymous();
        return app;
    }
}
