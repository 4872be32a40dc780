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
    double LoadGenBytesAllocatedPerPacket,
    ServerWindow? Server = null)
{
    /// <summary>REST mode changes timed on a spare call while the calls were live (<c>--mode-changes</c>).</summary>
    public ModeChangeLatency? ModeChanges { get; init; }

    /// <summary>Server CPU seconds per 100,000 forwarded (received) packets.</summary>
    public double? CpuSecondsPer100k => ServerCpuSeconds is { } cpu && PacketsReceived > 0 ? cpu * 100_000 / PacketsReceived : null;
}

/// <summary>
/// What our server's <c>GET /v1/media/stats</c> says changed over the measured window (null for Janus): datagrams
/// per receive call (the recvmmsg batch), bytes the whole server process allocated per forwarded packet (an upper
/// bound for the forwarding path: HTTP, timers and consent checks are in it too), and garbage collections.
/// </summary>
internal sealed record ServerWindow(double DatagramsPerReceiveCall, double AllocatedBytesPerForwarded, int Gen0Collections, int Gen2Collections)
{
    public static ServerWindow? Between(Client.ServerMediaStats? before, Client.ServerMediaStats? after, long forwarded)
    {
        if (before is null || after is null || forwarded <= 0)
        {
            return null;
        }

        long calls = after.ReceiveCalls - before.ReceiveCalls;
        return new ServerWindow(
            calls > 0 ? (double)(after.Datagrams - before.Datagrams) / calls : 0,
            (double)(after.ProcessAllocatedBytes - before.ProcessAllocatedBytes) / forwarded,
            after.Gen0Collections - before.Gen0Collections,
            after.Gen2Collections - before.Gen2Collections);
    }
}

/// <summary>Round trips of <c>PUT /mode</c> on a spare call (the router applies the edges before the response).</summary>
internal sealed record ModeChangeLatency(int Count, double MedianMs, double P95Ms, double MaxMs)
{
    public static ModeChangeLatency Of(List<double> samples)
    {
        samples.Sort();
        return new ModeChangeLatency(samples.Count, At(samples, 0.5), At(samples, 0.95), samples[^1]);
    }

    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
