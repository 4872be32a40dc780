using System.Threading.RateLimiting;

namespace ContactCenter.Web.Protection;

/// <summary>
/// A fixed-window limit per key from System.Threading.RateLimiting (the library under ASP.NET Core's rate limiter),
/// for limits that cannot be decided before the endpoint runs: per user of a sign-in form (the user is in the body),
/// per address of a call started inside a Blazor circuit, per failed Basic-auth check.
/// </summary>
public sealed class KeyedWindowLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public KeyedWindowLimiter(int permitsPerWindow, TimeSpan window)
    {
        _window = window;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerWindow,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one permit of <paramref name="key"/>; false with the seconds to wait when none is left.</summary>
    public bool TryAcquire(string key, out int retryAfterSeconds)
    {
        using var lease = _limiter.AttemptAcquire(key);
        retryAfterSeconds = lease.IsAcquired ? 0 : TooManyRequests.RetryAfterSeconds(lease, _window);
        return lease.IsAcquired;
    }

    /// <summary>Whether <paramref name="key"/> has a permit left, without taking it.</summary>
    public bool HasPermit(string key, out int retryAfterSeconds)
    {
        var statistics = _limiter.GetStatistics(key);
        if (statistics is null || statistics.CurrentAvailablePermits > 0)
        {
            retryAfterSeconds = 0;
            return true;
        }

        retryAfterSeconds = TooManyRequests.RetryAfterSeconds(_window);
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
