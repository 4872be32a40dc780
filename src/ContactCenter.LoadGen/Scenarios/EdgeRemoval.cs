namespace ContactCenter.LoadGen.Scenarios;

/// <summary>What one probe of a removed edge found.</summary>
internal enum EdgeRemovalOutcome
{
    /// <summary>Packets stopped: <see cref="EdgeRemoval.Measure"/> gives the time to the last one.</summary>
    Stopped,

    /// <summary>A packet arrived within the quiet time before the reading: the edge still forwards.</summary>
    StillForwarding,
}

/// <summary>
/// The time from a <c>PUT /mode</c> that removes an edge to the last packet of that edge at its receiver, from the
/// receiver's last-arrival stamp (<see cref="Metrics.StreamLossTracker.LastArrivalTicks"/>), all on one
/// <see cref="System.Diagnostics.Stopwatch"/> clock.
/// </summary>
internal static class EdgeRemoval
{
    /// <summary>The edge delivered within <paramref name="within"/> before the PUT (else a probe would measure nothing).</summary>
    public static bool WasLive(long lastArrivalTicks, long putTicks, long frequency, TimeSpan within) =>
        lastArrivalTicks > 0 && putTicks - lastArrivalTicks <= (long)(within.TotalSeconds * frequency);

    /// <summary>
    /// Reads the probe at <paramref name="readTicks"/>: <see cref="EdgeRemovalOutcome.StillForwarding"/> when the last
    /// packet is younger than <paramref name="quiet"/>; otherwise the milliseconds from the PUT's send to the last
    /// packet, 0 when none arrived after the PUT was sent.
    /// </summary>
    public static (EdgeRemovalOutcome Outcome, double Milliseconds) Measure(
        long putTicks, long lastArrivalTicks, long readTicks, long frequency, TimeSpan quiet)
    {
        if (readTicks - lastArrivalTicks < (long)(quiet.TotalSeconds * frequency))
        {
            return (EdgeRemovalOutcome.StillForwarding, (readTicks - putTicks) * 1000.0 / frequency);
        }

        return (EdgeRemovalOutcome.Stopped, Math.Max(0, lastArrivalTicks - putTicks) * 1000.0 / frequency);
    }
}
