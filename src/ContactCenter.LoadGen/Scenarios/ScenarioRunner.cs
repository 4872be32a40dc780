using System.Diagnostics;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>Sets a scenario up on a target, drives the traffic, and measures what arrives.</summary>
internal sealed partial class ScenarioRunner(LoadGenOptions options, ILoadTarget target, LoadStats stats)
{
    private static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConsentInterval = TimeSpan.FromSeconds(5);
    private readonly List<LoadMember> _members = [];
    private readonly List<ClientPeer> _receivers = [];

    /// <summary>
    /// Runs the scenario. <paramref name="report"/> gets the summary as soon as the measured window is over, before
    /// the peers close: with thousands of peers the teardown takes minutes and measures nothing.
    /// </summary>
    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken, Func<RunSummary, Task>? report = null)
    {
        var setup = Stopwatch.StartNew();
        using var consent = new Timer(_ => SendConsentChecks(), null, ConsentInterval, ConsentInterval);
        await SetUpAsync(cancellationToken);
        int peers = await WaitForReceiversAsync(cancellationToken);
        double setupSeconds = setup.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{target.Name}: {_members.Count} members, {peers}/{CountPeers()} peers connected in {setupSeconds:0.0} s");

        var streams = _members.SelectMany(m => m.Streams).ToList();
        var sender = new TrafficSender(streams, options.SenderThreads, videoPacketsPerFrame: 5, videoPayload: 1000);
        sender.Start();
        var modeChanges = await TimeModeChangesAsync(cancellationToken);
        var progress = new ProgressLine(stats, _receivers, CountPeers(), peers);
        await RunPhaseAsync("warm-up", options.WarmUp, progress, cancellationToken);

        stats.Reset();
        int epoch = Environment.TickCount;
        foreach (var peer in _receivers)
        {
            peer.ResetTrackers(epoch);
        }

        var serverBefore = await target.ReadServerStatsAsync(cancellationToken);
        var cpuBefore = options.ServerPid is { } pid ? ProcessSample.TryRead(pid) : null;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var measured = Stopwatch.StartNew();
        await RunPhaseAsync("measure", options.Duration, progress, cancellationToken);
        double seconds = measured.Elapsed.TotalSeconds;
        long sent = stats.Sent;
        long received = stats.Received;
        var cpuAfter = options.ServerPid is { } pidAfter ? ProcessSample.TryRead(pidAfter) : null;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var serverAfter = await target.ReadServerStatsAsync(CancellationToken.None);
        sender.Stop();
        await Task.Delay(300, CancellationToken.None); // packets in flight still count for loss
        Console.Error.WriteLine();

        var loss = LossTotals.Of(_receivers);
        var summary = new RunSummary(
            target.Name, options.Scenario, options.Count, CountPeers(), CountConnected(), setupSeconds, seconds,
            sent, received, sent / seconds, received / seconds, loss.Expected, loss.Lost, loss.Percent, loss.Duplicates,
            stats.AuthFailures, stats.Latency.Percentile(50) / 1000.0, stats.Latency.Percentile(99) / 1000.0,
            stats.Latency.MaxMicroseconds / 1000.0,
            cpuBefore is { } b && cpuAfter is { } a ? a.CpuSeconds - b.CpuSeconds : null,
            cpuAfter?.RssMegabytes,
            sent + received == 0 ? 0 : (double)allocated / (sent + received),
            ServerWindow.Between(serverBefore, serverAfter, received))
        {
            ModeChanges = modeChanges,
        };
        if (report is not null)
        {
            await report(summary);
        }

        await DisposePeersAsync();
        return summary;
    }

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        switch (options.Scenario)
        {
            case "whisper":
                using (var gate = new SemaphoreSlim(options.SetupParallelism))
                {
                    var calls = Enumerable.Range(0, options.Count).Select(async i =>
                    {
                        await gate.WaitAsync(cancellationToken);
                        try
                        {
                            return await SetUpRoomAsync(RoomWiring.Whisper, ["customer", "agent", "supervisor"], i, cancellationToken);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    });
                    await Task.WhenAll(calls);
                }

                break;
            case "fanout" or "soak":
                await SetUpRoomAsync(
                    RoomWiring.Fanout, ["publisher", .. Enumerable.Range(1, options.Count).Select(i => "subscriber" + i)], 0, cancellationToken);
                break;
            default:
                await SetUpRoomAsync(
                    RoomWiring.FullyWired, [.. Enumerable.Range(1, options.Count).Select(i => "member" + i)], 0, cancellationToken);
                break;
        }

        foreach (var member in _members)
        {
            _receivers.AddRange(member.Subscribers);
        }
    }

    private async Task<List<LoadMember>> SetUpRoomAsync(RoomWiring wiring, string[] labels, int index, CancellationToken cancellationToken) =>
        (await SetUpRoomAsync(wiring, labels, index, track: true, cancellationToken)).Members;

    /// <summary>A room and its members; <paramref name="track"/> false keeps them out of the run's counts (a spare call).</summary>
    private async Task<(string Room, List<LoadMember> Members)> SetUpRoomAsync(
        RoomWiring wiring, string[] labels, int index, bool track, CancellationToken cancellationToken)
    {
        string room = await target.CreateRoomAsync(labels.Length, cancellationToken);
        var members = new List<LoadMember>();
        for (int i = 0; i < labels.Length; i++)
        {
            bool publish = wiring != RoomWiring.Fanout || i == 0;
            var member = await target.JoinAsync(room, $"{labels[i]}-{index}", publish, options.Video, cancellationToken);
            members.Add(member);
            if (track)
            {
                lock (_members)
                {
                    _members.Add(member);
                }
            }
        }

        await target.WireAsync(room, wiring, members, cancellationToken);
        return (room, members);
    }

    // Subscribe connections come up after the server's offer; wait until every expected one is connected.
    private async Task<int> WaitForReceiversAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        int expected = CountPeers();
        while (deadline.Elapsed < ConnectWait && CountConnected() < expected)
        {
            await Task.Delay(100, cancellationToken);
        }

        return CountConnected();
    }

    private async Task DisposePeersAsync()
    {
        foreach (var member in _members)
        {
            if (member.Publisher is { } publisher)
            {
                await publisher.DisposeAsync();
            }

            foreach (var subscriber in member.Subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }

    // RFC 7675: without a check every few seconds the server's consent expires and it closes the peer.
    private void SendConsentChecks()
    {
        LoadMember[] members;
        lock (_members)
        {
            members = [.. _members];
        }

        try
        {
            foreach (var member in members)
            {
                member.Publisher?.SendCheck(useCandidate: false);
                foreach (var subscriber in member.Subscribers)
                {
                    subscriber.SendCheck(useCandidate: false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // A target added a subscriber while we walked the list (setup still running): next round.
        }
    }

    private int CountPeers() => _members.Sum(m => (m.Publisher is null ? 0 : 1) + m.Subscribers.Count(s => ExpectsMedia(m, s)));

    private int CountConnected() =>
        _members.Sum(m => (m.Publisher?.IsConnected == true ? 1 : 0) + m.Subscribers.Count(s => ExpectsMedia(m, s) && s.IsConnected));

    // In a fan-out (and a soak) the publisher receives nothing, so its subscribe connection never gets media lines.
    private bool ExpectsMedia(LoadMember member, ClientPeer subscriber) =>
        !(options.Scenario is "fanout" or "soak" && ReferenceEquals(member, _members[0]));

    internal static async Task RunPhaseAsync(string phase, TimeSpan length, ProgressLine progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < length - TimeSpan.FromMilliseconds(20))
        {
            var step = TimeSpan.FromSeconds(Math.Min(1, (length - clock.Elapsed).TotalSeconds));
            await Task.Delay(step, cancellationToken);
            progress.Print(phase, clock.Elapsed);
        }
    }
}
