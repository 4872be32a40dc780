namespace ContactCenter.LoadGen.Scenarios;

/// <summary>The final figures of one run (also written as JSON with <c>--json</c>).</summary>
internal sealed record RunSummary(
    string Target,
    string Scenario,
    int Count,
    int Peers,
    int PeersConnected,
    double SetupSeconds,
    double MeasuredSeconds,
    long PacketsSent,
    long PacketsReceived,
    double SentPerSecond,
    double ReceivedPerSecond,
    long Expected,
    long Lost,
    double LossPercent,
    long Duplicates,
    long AuthFailures,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double LatencyMaxMs,
    double? ServerCpuSeconds,
    double? ServerRssMb,
    double LoadGenBytesAllocatedPerPacket)
{
    /// <summary>Server CPU seconds per 100,000 forwarded (received) packets.</summary>
    public double? CpuSecondsPer100k => ServerCpuSeconds is { } cpu && PacketsReceived > 0 ? cpu * 100_000 / PacketsReceived : null;
}
