namespace ContactCenter.Web.Protection;

/// <summary>
/// Calls started from <c>/call</c> per client address. The click arrives inside a Blazor circuit, not as an HTTP
/// request, so ASP.NET Core's middleware cannot see it; the limit is the same library's fixed window, keyed by the
/// address the circuit connected from.
/// </summary>
public sealed class CallStartLimiter : IDisposable
{
    private readonly KeyedWindowLimiter _limiter;
    private readonly WebMetrics _metrics;

    public CallStartLimiter(LimitsOptions options, WebMetrics metrics)
    {
        _limiter = new KeyedWindowLimiter(options.CallStartsPerAddressPerMinute, TimeSpan.FromMinutes(1));
        _metrics = metrics;
    }

    /// <summary>Null when the call may start; otherwise the sentence to show the caller.</summary>
    public string? TryStart(string? address)
    {
        if (_limiter.TryAcquire(address ?? ClientAddress.Unknown, out var retryAfter))
        {
            return null;
        }

        _metrics.RateLimited(RateLimitNames.CallStart);
        return TooManyRequests.Describe(RateLimitNames.CallStart, retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
