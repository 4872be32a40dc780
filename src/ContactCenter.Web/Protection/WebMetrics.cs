using System.Diagnostics.Metrics;

namespace ContactCenter.Web.Protection;

/// <summary>The host's own instruments, meter <c>ContactCenter.Web</c>.</summary>
public sealed class WebMetrics
{
    public const string MeterName = "ContactCenter.Web";
    public const string RateLimitedName = "contactcenter.web.rate_limited";

    private readonly Counter<long> _rateLimited;

    public WebMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _rateLimited = meter.CreateCounter<long>(RateLimitedName, unit: "{request}",
            description: "Requests refused because a rate limit was reached, by limit.");
    }

    /// <summary>Counts one refusal of <paramref name="limit"/> (a <see cref="RateLimitNames"/> value).</summary>
    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
