using System.Net;
using System.Threading.RateLimiting;

namespace ContactCenter.Sip.Limits;

/// <summary>What to do with an INVITE, per its source address.</summary>
internal enum InviteAdmission
{
    Allowed,
    /// <summary>Over the rate: answer 503 with Retry-After (once per second per address at most).</summary>
    RefuseWith503,
    /// <summary>Over the rate and already told within the last second: say nothing (no reflection, no amplification).</summary>
    RefuseSilently,
}

/// <summary>
/// INVITEs per source address with System.Threading.RateLimiting: a token bucket per address (burst, then the
/// per-second rate) and, for the refusals, a one-per-second window per address so a flood gets one 503 a second
/// and silence otherwise. Partitions idle for a while are dropped by the partitioned limiter itself, which also
/// replenishes the buckets (AutoReplenishment off, as its documentation asks).
/// </summary>
internal sealed class InviteRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress>? _invites;
    private readonly PartitionedRateLimiter<IPAddress>? _answers;
    private readonly Func<IPAddress, bool> _exempt;

    public InviteRateLimiter(SipOptions options, Func<IPAddress, bool> exempt)
    {
        _exempt = exempt;
        if (options.InvitesPerSecondPerAddress <= 0)
        {
            return;
        }
        var rate = options.InvitesPerSecondPerAddress;
        var burst = Math.Max(1, options.InviteBurstPerAddress);
        RetryAfterSeconds = 1;
        _invites = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = rate,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = false,
            }));
        _answers = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = 1,
                Window = TimeSpan.FromSeconds(RetryAfterSeconds),
                QueueLimit = 0,
                AutoReplenishment = false,
            }));
    }

    /// <summary>Seconds written into Retry-After: when the bucket has a token again.</summary>
    public int RetryAfterSeconds { get; }

    public InviteAdmission Admit(IPAddress source)
    {
        if (_invites is null || _answers is null || _exempt(source))
        {
            return InviteAdmission.Allowed;
        }
        using (var lease = _invites.AttemptAcquire(source))
        {
            if (lease.IsAcquired)
            {
                return InviteAdmission.Allowed;
            }
        }
        using var answer = _answers.AttemptAcquire(source);
        return answer.IsAcquired ? InviteAdmission.RefuseWith503 : InviteAdmission.RefuseSilently;
    }

    public void Dispose()
    {
        _invites?.Dispose();
        _answers?.Dispose();
    }
}
