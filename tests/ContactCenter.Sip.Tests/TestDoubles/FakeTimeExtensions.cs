using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.TestDoubles;

internal static class FakeTimeExtensions
{
    /// <summary>
    /// Advances in 10 ms steps so that a timer re-armed inside a callback is due relative to the time it
    /// fired, as on a real clock, rather than relative to the end of one big jump.
    /// </summary>
    public static void Step(this FakeTimeProvider time, TimeSpan total)
    {
        var step = TimeSpan.FromMilliseconds(10);
        while (total > TimeSpan.Zero)
        {
            var d = total < step ? total : step;
            time.Advance(d);
            total -= d;
        }
    }
}
