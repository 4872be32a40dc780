namespace ContactCenter.LoadGen.Scenarios;

/// <summary>
/// Paces the churn scenario: arrival k (1, 2, …) is due k / rate seconds after the start. At most
/// <c>maxInFlight</c> set-ups run at once; an arrival that could not start on time starts as soon as one finishes,
/// and <see cref="Behind"/> says how many are late. Each arrival that is up ends the oldest calls beyond the target
/// live count (<see cref="Departures"/>), so the live count stays at the target while calls turn over at the rate.
/// </summary>
internal sealed class ChurnSchedule
{
    private readonly double _rate;

    public ChurnSchedule(double callsPerSecond)
    {
        if (!(callsPerSecond > 0) || double.IsInfinity(callsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(callsPerSecond), callsPerSecond, "The churn rate must be a positive number of calls per second.");
        }

        _rate = callsPerSecond;
    }

    /// <summary>Arrivals started so far.</summary>
    public int Started { get; private set; }

    /// <summary>Arrivals due by <paramref name="elapsed"/> since the start.</summary>
    public int DueBy(TimeSpan elapsed) => elapsed <= TimeSpan.Zero ? 0 : (int)Math.Floor(elapsed.TotalSeconds * _rate + 1e-9);

    /// <summary>When arrival <paramref name="k"/> (1-based) is due.</summary>
    public TimeSpan DueAt(int k) => TimeSpan.FromSeconds(k / _rate);

    /// <summary>Due arrivals not yet started at <paramref name="elapsed"/>.</summary>
    public int Behind(TimeSpan elapsed) => Math.Max(0, DueBy(elapsed) - Started);

    /// <summary>
    /// True (and counts the arrival as started) when one is due at <paramref name="elapsed"/> and fewer than
    /// <paramref name="maxInFlight"/> set-ups are running.
    /// </summary>
    public bool TryStartNext(TimeSpan elapsed, int inFlight, int maxInFlight)
    {
        if (inFlight >= maxInFlight || Started >= DueBy(elapsed))
        {
            return false;
        }

        Started++;
        return true;
    }

    /// <summary>How long until the next arrival is due (zero when one is already due).</summary>
    public TimeSpan UntilNext(TimeSpan elapsed)
    {
        var next = DueAt(Started + 1) - elapsed;
        return next > TimeSpan.Zero ? next : TimeSpan.Zero;
    }

    /// <summary>How many of the oldest calls to end so that <paramref name="live"/> calls come down to <paramref name="target"/>.</summary>
    public static int Departures(int live, int target) => Math.Max(0, live - target);
}
