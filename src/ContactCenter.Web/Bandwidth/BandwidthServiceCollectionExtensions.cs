using ContactCenter.Web.Bandwidth;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web;

/// <summary>The Bandwidth-compatible device doors (<c>/v3/</c>, <c>/v2/</c>) and participant webhooks.</summary>
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
        // The SDK connects to "{websocketUrl}/v3/?token=…" or ".../v2/?token=…"; the routes match with and without the slash.
        app.Map(BandwidthDeviceEndpoint.Path, Door(app, BandwidthDeviceEndpoint.HandleAsync)).AllowAnonymous();
        app.Map(BandwidthDeviceEndpoint.PathV2, Door(app, BandwidthDeviceEndpoint.HandleV2Async)).AllowAnonymous();
        return app;
    }

    private static RequestDelegate Door(WebApplication app, RequestDelegate handler)
    {
        var pipeline = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(handler);
        return pipeline.Build();
    }
}
