using System.Globalization;
using System.Threading.RateLimiting;
using ContactCenter.Web.Api;

namespace ContactCenter.Web.Protection;

/// <summary>The one way every rate limit refuses: <c>429</c>, <c>Retry-After</c> in whole seconds, the API's error body, counted.</summary>
public static class TooManyRequests
{
    public static int RetryAfterSeconds(RateLimitLease lease, TimeSpan fallback) =>
        RetryAfterSeconds(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback);

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public static Task WriteAsync(HttpContext context, string limit, int retryAfterSeconds, string message)
    {
        context.RequestServices.GetRequiredService<WebMetrics>().RateLimited(limit);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, message);
    }

    public static string Describe(string limit, int retryAfterSeconds) => limit switch
    {
        RateLimitNames.Rest => $"Too many requests for this API credential; retry after {retryAfterSeconds} s.",
        RateLimitNames.SignInAddress => $"Too many sign-in attempts from this address; try again in {retryAfterSeconds} s.",
        RateLimitNames.SignInUser => $"Too many sign-in attempts for this user; try again in {retryAfterSeconds} s.",
        RateLimitNames.AuthFailures => $"Too many failed authentication attempts; retry after {retryAfterSeconds} s.",
        RateLimitNames.CallStart => $"Too many calls started from this address; try again in {retryAfterSeconds} s.",
        _ => $"Too many requests; retry after {retryAfterSeconds} s.",
    };
}
