using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ContactCenter.Web.Protection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Infrastructure;

/// <summary>Listens to one host's <c>contactcenter.web.rate_limited</c> counter (other hosts in the process are ignored).</summary>
public sealed class RateLimitedCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byLimit = new();

    public RateLimitedCounter(WebApplicationFactory<Program> factory)
    {
        var scope = factory.Services.GetRequiredService<IMeterFactory>();
        _ = factory.Services.GetRequiredService<WebMetrics>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WebMetrics.MeterName && instrument.Name == WebMetrics.RateLimitedName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "limit")
                {
                    _byLimit.AddOrUpdate((string)tag.Value!, value, (_, old) => old + value);
                }
            }
        });
        _listener.Start();
    }

    public long Count(string limit) => _byLimit.GetValueOrDefault(limit);

    public void Dispose() => _listener.Dispose();
}
