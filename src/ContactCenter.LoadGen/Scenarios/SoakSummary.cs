namespace ContactCenter.LoadGen.Scenarios;

/// <summary>
/// The result of <c>soak</c> (also written as JSON with <c>--json</c>). <see cref="ServerAuthFailures"/> and the
/// other server counters are the change of <c>GET /v1/media/stats</c> over the run; null when the target has none.
/// </summary>
internal sealed record SoakSummary(
    string Target,
    int WrapsRequired,
    int AudioPps,
    int VideoPps,
    int Peers,
    int PeersConnected,
    bool Bundled,
    double SetupSeconds,
    double SoakSeconds,
    long PacketsSent,
    long PacketsReceived,
    double SentPerSecond,
    double ReceivedPerSecond,
    IReadOnlyList<SoakStreamResult> Streams,
    long ClientAuthFailures,
    long? ServerAuthFailures,
    long? ServerRtp,
    long? ServerDropped,
    long? ServerSendErrors,
    long? ClientSocketDrops,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double? ServerCpuSeconds,
    double? ServerRssMb,
    IReadOnlyList<string> Failures)
{
    /// <summary>Every SSRC wrapped often enough at its receiver within the loss bound, and no SRTP packet failed authentication anywhere.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Packets a single SSRC must deliver: <paramref name="wraps"/> × 65,536.</summary>
    public static long PacketsFor(int wraps) => wraps * 65_536L;

    /// <summary>Whether a row has reached the goal: enough packets received and enough wraps seen.</summary>
    public static bool Reached(SoakStreamResult row, int wraps) => row.WrapsReceived >= wraps && row.PacketsReceived >= PacketsFor(wraps);
}
