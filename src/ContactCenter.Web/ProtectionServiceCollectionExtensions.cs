using System.Security.Claims;
using System.Threading.RateLimiting;
using ContactCenter.Web.Auth;
using ContactCenter.Web.Protection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web;

/// <summary>
/// Limits on what one client can make the server hold or do (<see cref="LimitsOptions"/>), ASP.NET Core's rate
/// limiter with our 429 answer, and the security headers.
/// </summary>
public static class ProtectionServiceCollectionExtensions
{
    public static WebApplicationBuilder AddContactCenterProtection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LimitsOptions>()
            .BindConfiguration(LimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<WebMetrics>();
        services.AddSingleton<ApiCredentialVerifier>();
        services.AddSingleton(sp => new CallStartLimiter(sp.GetRequiredService<IOptions<LimitsOptions>>().Value, sp.GetRequiredService<WebMetrics>()));
        services.AddSingleton(sp => new SignInUserLimiter(sp.GetRequiredService<IOptions<LimitsOptions>>().Value));
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitClientAddress>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ClientAddressCircuitHandler>();

        // Everything that is not /v1 (which has its own, smaller cap): the sign-in form, SignalR long polling.
        var otherBodyBytes = builder.Configuration.GetValue<long?>($"{LimitsOptions.SectionName}:{nameof(LimitsOptions.OtherBodyBytes)}")
            ?? new LimitsOptions().OtherBodyBytes;
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = otherBodyBytes);

        services.AddRateLimiter(o =>
        {
            o.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var limit = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName
                    ?? RateLimitNames.Rest;
                var retryAfter = TooManyRequests.RetryAfterSeconds(context.Lease, TimeSpan.FromSeconds(1));
                return new ValueTask(TooManyRequests.WriteAsync(http, limit, retryAfter, TooManyRequests.Describe(limit, retryAfter)));
            };

            // Per API credential once Basic auth has run (the limiter sits after authorization); per address before.
            o.AddPolicy(RateLimitNames.Rest, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
                var credential = http.User.FindFirstValue(ApiAuthDefaults.CredentialClaim);
                var key = credential is null ? "address:" + ClientAddress.Of(http) : "credential:" + credential;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.RestBurst,
                    TokensPerPeriod = limits.RestPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.AddPolicy(RateLimitNames.SignInAddress, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SignInsPerAddressPerMinute,
                    Window = TimeSpan.FromSeconds(limits.SignInWindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }

    /// <summary>Security headers on every answer. First in the pipeline, so static files and errors carry them too.</summary>
    public static WebApplication UseContactCenterProtection(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                SecurityHeaders.Add(((HttpContext)state).Response);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }
}
