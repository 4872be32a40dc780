namespace ContactCenter.LoadGen.Scenarios;

/// <summary>The figures of one churn run (also written as JSON with <c>--json</c>).</summary>
internal sealed record ChurnSummary(
    string Target,
    int LiveCalls,
    double RatePerSecond,
    double MeasuredSeconds,
    int ArrivalsInWindow,
    int DeparturesInWindow,
    int ArrivalsBehindAtEnd,
    int FailedArrivals,
    int ArrivedCallsNotConnected,
    ModeChangeLatency? CallSetupMs,
    int SpanningCalls,
    LossTotals SpanningLoss,
    LossTotals WindowLoss,
    long PacketsSent,
    long PacketsReceived,
    long AuthFailures,
    ModeChangeLatency? RemovalToLastPacketMs,
    int RemovalsStillForwarding,
    ModeChangeLatency? RemovalPutRoundTripMs,
    ModeChangeLatency? LastPacketAfterResponseMs,
    double? ServerCpuSeconds,
    double? ServerRssMb)
{
    /// <summary>The verdict of <see cref="Held"/> at the run's <c>--max-loss</c> (for the JSON).</summary>
    public bool RateHeld { get; init; }

    /// <summary>The loss the verdict uses: on calls live for the whole window, or on every call when none was.</summary>
    public double LossPercent => SpanningCalls > 0 ? SpanningLoss.Percent : WindowLoss.Percent;

    /// <summary>Arrivals per second that actually started and came up in the window.</summary>
    public double ArrivalsPerSecond => MeasuredSeconds > 0 ? ArrivalsInWindow / MeasuredSeconds : 0;

    /// <summary>
    /// The machine held the rate: loss under <paramref name="maxLossPercent"/>, no failed or unconnected arrival, no
    /// removed edge still forwarding, and at most one second of arrivals late at the end of the window.
    /// </summary>
    public bool Held(double maxLossPercent) =>
        LossPercent < maxLossPercent && FailedArrivals == 0 && ArrivedCallsNotConnected == 0 && RemovalsStillForwarding == 0
        && ArrivalsBehindAtEnd <= Math.Max(1, (int)Math.Ceiling(RatePerSecond)) && PacketsReceived > 0;
}
