using ContactCenter.Web.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Protection;

public sealed class CallStartLimiterTests
{
    [Fact]
    public void TryStart_OverTheLimitFromOneAddress_RefusedWithASentenceAndCounted()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new WebMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        using var limiter = new CallStartLimiter(new LimitsOptions { CallStartsPerAddressPerMinute = 2 }, metrics);

        Assert.Null(limiter.TryStart("10.0.0.1"));
        Assert.Null(limiter.TryStart("10.0.0.1"));
        var refused = limiter.TryStart("10.0.0.1");
        var otherAddress = limiter.TryStart("10.0.0.2");

        Assert.StartsWith("Too many calls started from this address; try again in", refused, StringComparison.Ordinal);
        Assert.Null(otherAddress);
    }
}
