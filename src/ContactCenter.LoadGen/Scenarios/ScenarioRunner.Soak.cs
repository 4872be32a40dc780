using System.Diagnostics;
using System.Globalization;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Scenarios;

internal sealed partial class ScenarioRunner
{
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>soak</c>: a fan-out to one subscriber with audio and video bundled on the publisher's one connection, sent
    /// fast until every SSRC's 16-bit sequence number has wrapped <see cref="LoadGenOptions.Wraps"/> times at the
    /// receiver (and it received as many × 65,536 packets). No warm-up: every packet from the first counts. Stops
    /// early at the time limit, when nothing arrives for 10 s, or when cancelled; the summary then says why it failed.
    /// </summary>
    public async Task<SoakSummary> RunSoakAsync(CancellationToken cancellationToken)
    {
        var serverBefore = await target.ReadServerStatsAsync(cancellationToken);
        var setup = Stopwatch.StartNew();
        using var consent = new Timer(_ => SendConsentChecks(), null, ConsentInterval, ConsentInterval);
        await SetUpAsync(cancellationToken);
        int connected = await WaitForReceiversAsync(cancellationToken);
        double setupSeconds = setup.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{target.Name}: soak, {connected}/{CountPeers()} peers connected in {setupSeconds:0.0} s");

        var streams = _members.SelectMany(m => m.Streams).ToList();
        foreach (var stream in streams)
        {
            stream.StartAt((uint)Random.Shared.Next(1, 65_536));
        }

        var receivers = _members.Skip(1).SelectMany(m => m.Subscribers).ToList();
        var sender = new TrafficSender(streams, options.SenderThreads, videoPacketsPerFrame: 5, videoPayload: 1000, options.AudioPps, options.VideoPps);
        var progress = new ProgressLine(stats, receivers, CountPeers(), connected, () => WrapsText(streams, receivers));
        var cpuBefore = options.ServerPid is { } pid ? ProcessSample.TryRead(pid) : null;
        var clock = Stopwatch.StartNew();
        sender.Start();
        string? stopped = await SoakUntilWrappedAsync(streams, receivers, progress, cancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;
        sender.Stop();
        await Task.Delay(300, CancellationToken.None); // packets in flight still count
        var cpuAfter = options.ServerPid is { } pidAfter ? ProcessSample.TryRead(pidAfter) : null;
        Console.Error.WriteLine();

        var serverAfter = await target.ReadServerStatsAsync(CancellationToken.None);
        long? socketDrops = receivers.Select(r => r.LocalEndPoint.Port).Distinct()
            .Aggregate((long?)0, (sum, port) => sum + UdpSocketDrops.TryRead(port));
        var rows = SoakStreamResult.Collect(streams, receivers);
        bool bundled = streams.Count == 2 && streams.Select(s => s.Peer).Distinct().Count() == 1
            && receivers.All(r => rows.Count(row => row.Receiver == r.Name && row.PacketsReceived > 0) == streams.Count);
        var failures = SoakFailures(rows, bundled, connected, stopped, serverAfter is null, serverBefore, serverAfter);
        var summary = new SoakSummary(
            target.Name, options.Wraps, options.AudioPps, options.VideoPps, CountPeers(), connected, bundled, setupSeconds, seconds,
            stats.Sent, stats.Received, stats.Sent / seconds, stats.Received / seconds, rows, stats.AuthFailures,
            Delta(serverBefore, serverAfter, s => s.SrtpAuthFailures), Delta(serverBefore, serverAfter, s => s.Rtp),
            Delta(serverBefore, serverAfter, s => s.Dropped), Delta(serverBefore, serverAfter, s => s.SendErrors), socketDrops,
            stats.Latency.Percentile(50) / 1000.0, stats.Latency.Percentile(99) / 1000.0,
            cpuBefore is { } b && cpuAfter is { } a ? a.CpuSeconds - b.CpuSeconds : null, cpuAfter?.RssMegabytes, failures);
        await DisposePeersAsync();
        return summary;
    }

    /// <summary>Null once every SSRC wrapped often enough; otherwise why the soak stopped early.</summary>
    private async Task<string?> SoakUntilWrappedAsync(
        List<OutboundStream> streams, List<ClientPeer> receivers, ProgressLine progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        var lastArrival = TimeSpan.Zero;
        long lastReceived = 0;
        while (!SoakStreamResult.Collect(streams, receivers).All(row => SoakSummary.Reached(row, options.Wraps)))
        {
            if (clock.Elapsed >= options.Duration)
            {
                return $"time limit of {options.Duration.TotalSeconds:0} s reached";
            }

            if (clock.Elapsed - lastArrival >= StallLimit)
            {
                return $"nothing arrived for {StallLimit.TotalSeconds:0} s";
            }

            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return "cancelled";
            }

            if (stats.Received != lastReceived)
            {
                (lastReceived, lastArrival) = (stats.Received, clock.Elapsed);
            }

            if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(1))
            {
                lastPrint = clock.Elapsed;
                progress.Print("soak", clock.Elapsed);
            }
        }

        progress.Print("soak", clock.Elapsed);
        return null;
    }

    private List<string> SoakFailures(
        List<SoakStreamResult> rows, bool bundled, int connected, string? stopped, bool noServerStats,
        ServerMediaStats? before, ServerMediaStats? after)
    {
        var failures = new List<string>();
        var c = CultureInfo.InvariantCulture;
        if (stopped is not null)
        {
            failures.Add("stopped early: " + stopped);
        }

        if (connected < CountPeers())
        {
            failures.Add(string.Create(c, $"only {connected} of {CountPeers()} peers connected"));
        }

        if (!bundled)
        {
            failures.Add("audio and video were not both carried on one publish and one receive connection");
        }

        foreach (var row in rows.Where(r => !SoakSummary.Reached(r, options.Wraps)))
        {
            failures.Add(string.Create(c,
                $"{row.Kind} SSRC {row.SenderSsrc} at {row.Receiver}: {row.WrapsReceived} wraps and {row.PacketsReceived} packets received, {options.Wraps} and {SoakSummary.PacketsFor(options.Wraps)} needed"));
        }

        foreach (var row in rows.Where(r => r.LossPercent > options.MaxLossPercent))
        {
            failures.Add(string.Create(c,
                $"{row.Kind} SSRC {row.SenderSsrc} at {row.Receiver}: {row.Lost} of {row.Expected} lost ({row.LossPercent:0.000} %, at most {options.MaxLossPercent} % allowed)"));
        }

        if (stats.AuthFailures > 0)
        {
            failures.Add(string.Create(c, $"{stats.AuthFailures} SRTP authentication failures at the clients"));
        }

        if (target.Name == "ours" && (noServerStats || before is null))
        {
            failures.Add("the server's counters (GET /v1/media/stats) could not be read");
        }
        else if (Delta(before, after, s => s.SrtpAuthFailures) is > 0 and var server)
        {
            failures.Add(string.Create(c, $"{server} SRTP authentication failures at the server"));
        }

        return failures;
    }

    private static long? Delta(ServerMediaStats? before, ServerMediaStats? after, Func<ServerMediaStats, long> counter) =>
        before is not null && after is not null ? counter(after) - counter(before) : null;

    private string WrapsText(List<OutboundStream> streams, List<ClientPeer> receivers)
    {
        var rows = SoakStreamResult.Collect(streams, receivers);
        string sent = string.Join(' ', streams.Select(s => $"{Letter(s.IsVideo)}{s.WrapsSent}"));
        string received = string.Join(' ', streams.Select(s => $"{Letter(s.IsVideo)}{rows.Where(r => r.SenderSsrc == s.Ssrc).Select(r => r.WrapsReceived).DefaultIfEmpty().Min()}"));
        return $"  wraps sent {sent} recv {received} of {options.Wraps}";
    }

    private static char Letter(bool video) => video ? 'v' : 'a';
}
