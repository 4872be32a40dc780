using System.Diagnostics;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;
using ContactCenter.LoadGen.Ours;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>
/// The churn scenario (ours): <c>--calls N</c> whisper calls live and sending while new calls arrive at
/// <c>--rate R</c> per second and the oldest end (DELETE session, hubs closed, peers disposed), so N stay live.
/// During the measured window a <see cref="RemovalProber"/> switches a call to monitor every half second and times
/// the removed supervisor → agent edge's last packet. Loss counts on the calls live for the whole window.
/// </summary>
internal sealed class ChurnRunner(LoadGenOptions options, OursTarget target, LoadStats stats)
{
    private static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConsentInterval = TimeSpan.FromSeconds(5);
    private static readonly string[] Labels = ["customer", "agent", "supervisor"];
    private readonly List<ChurnCall> _live = []; // oldest first
    private readonly List<ChurnCall> _window = []; // every call live at some point of the measured window
    private readonly List<double> _setupMs = [];
    private readonly List<Task> _departures = [];
    private readonly Stopwatch _churnClock = new();
    private TrafficSender? _sender;
    private bool _windowOpen;
    private int _arrivals;
    private int _departed;
    private int _failed;
    private int _nextIndex;

    public async Task<ChurnSummary> RunAsync(CancellationToken cancellationToken, Func<ChurnSummary, Task>? report = null)
    {
        using var consent = new Timer(_ => SendConsentChecks(), null, ConsentInterval, ConsentInterval);
        var setup = Stopwatch.StartNew();
        await SetUpInitialAsync(cancellationToken);
        var initial = Live();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ConnectWait && !initial.All(c => c.AllConnected))
        {
            await Task.Delay(100, cancellationToken);
        }

        Console.Error.WriteLine($"ours: {initial.Count} calls, {initial.Count(c => c.AllConnected)} fully connected in {setup.Elapsed.TotalSeconds:0.0} s; churn at {options.Rate:0.##}/s");
        _sender = new TrafficSender(initial.SelectMany(c => c.Streams), options.SenderThreads, videoPacketsPerFrame: 5, videoPayload: 1000);
        _sender.Start();

        using var stopChurn = new CancellationTokenSource();
        var schedule = new ChurnSchedule(options.Rate);
        var churn = Task.Run(() => ChurnAsync(schedule, stopChurn.Token), CancellationToken.None);
        var progress = new ProgressLine(stats, [.. initial.SelectMany(c => c.Receivers)], initial.Count * 6, initial.Count * 6,
            () => $"  live {Live().Count}  arrived {Volatile.Read(ref _arrivals)}  ended {Volatile.Read(ref _departed)}");
        await ScenarioRunner.RunPhaseAsync("warm-up", options.WarmUp, progress, cancellationToken);

        // The window: trackers restart, and the calls live now are the candidates for "live the whole window".
        stats.Reset();
        int epoch = Environment.TickCount;
        List<ChurnCall> atStart;
        lock (_live)
        {
            atStart = [.. _live];
            _window.AddRange(_live);
            _windowOpen = true;
            _arrivals = 0;
            _departed = 0;
            _failed = 0;
            _setupMs.Clear();
        }

        foreach (var peer in atStart.SelectMany(c => c.Receivers))
        {
            peer.ResetTrackers(epoch);
        }

        var cpuBefore = options.ServerPid is { } pid ? ProcessSample.TryRead(pid) : null;
        var prober = new RemovalProber(target, Live);
        using var stopProbes = new CancellationTokenSource();
        var probes = prober.RunAsync(stopProbes.Token);
        var measured = Stopwatch.StartNew();
        await ScenarioRunner.RunPhaseAsync("measure", options.Duration, progress, cancellationToken);
        double seconds = measured.Elapsed.TotalSeconds;
        var cpuAfter = options.ServerPid is { } pidAfter ? ProcessSample.TryRead(pidAfter) : null;
        long sent = stats.Sent, received = stats.Received;
        List<ChurnCall> atEnd, window;
        int arrivals, departed, failed, behind;
        double[] setupMs;
        lock (_live)
        {
            _windowOpen = false;
            atEnd = [.. _live];
            window = [.. _window];
            arrivals = _arrivals;
            departed = _departed;
            failed = _failed;
            setupMs = [.. _setupMs];
            behind = schedule.Behind(_churnClock.Elapsed);
        }

        stopProbes.Cancel();
        await probes;
        await stopChurn.CancelAsync();
        await churn;
        _sender.Stop();
        await Task.Delay(300, CancellationToken.None); // packets in flight still count for loss
        Console.Error.WriteLine();

        var spanning = atStart.Intersect(atEnd).ToList();
        var arrived = window.Except(atStart).Where(c => !c.Ended).ToList();
        var connectDeadline = Stopwatch.StartNew(); // the last arrivals' subscribe connections may still be coming up
        while (connectDeadline.Elapsed < TimeSpan.FromSeconds(10) && !arrived.All(c => c.AllConnected))
        {
            await Task.Delay(100, CancellationToken.None);
        }

        var summary = new ChurnSummary(
            target.Name, options.Count, options.Rate, seconds, arrivals, departed, behind, failed,
            arrived.Count(c => !c.AllConnected),
            setupMs.Length == 0 ? null : ModeChangeLatency.Of([.. setupMs]),
            spanning.Count, LossTotals.Of(spanning.SelectMany(c => c.Receivers)), LossTotals.Of(window.SelectMany(c => c.Receivers)),
            sent, received, stats.AuthFailures, prober.Removals, prober.StillForwarding, prober.RoundTrips, prober.AfterResponse,
            cpuBefore is { } b && cpuAfter is { } a ? a.CpuSeconds - b.CpuSeconds : null, cpuAfter?.RssMegabytes);
        if (report is not null)
        {
            await report(summary);
        }

        await Task.WhenAll(Departures());
        foreach (var call in Live())
        {
            await call.DisposePeersAsync();
        }

        return summary;
    }

    private IReadOnlyList<ChurnCall> Live()
    {
        lock (_live)
        {
            return [.. _live];
        }
    }

    private Task[] Departures()
    {
        lock (_departures)
        {
            return [.. _departures];
        }
    }

    private async Task SetUpInitialAsync(CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.SetupParallelism);
        await Task.WhenAll(Enumerable.Range(0, options.Count).Select(async _ =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var call = await SetUpCallAsync(cancellationToken);
                lock (_live)
                {
                    _live.Add(call);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private async Task<ChurnCall> SetUpCallAsync(CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        int index = Interlocked.Increment(ref _nextIndex);
        string room = await target.CreateRoomAsync(Labels.Length, cancellationToken);
        var members = new List<LoadMember>();
        foreach (string label in Labels)
        {
            members.Add(await target.JoinAsync(room, $"{label}-{index}", publish: true, options.Video, cancellationToken));
        }

        await target.WireAsync(room, RoomWiring.Whisper, members, cancellationToken);
        return new ChurnCall(room, members, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private async Task ChurnAsync(ChurnSchedule schedule, CancellationToken stop)
    {
        int inFlight = 0;
        var arrivals = new List<Task>();
        _churnClock.Start();
        while (!stop.IsCancellationRequested)
        {
            while (schedule.TryStartNext(_churnClock.Elapsed, Volatile.Read(ref inFlight), options.SetupParallelism))
            {
                Interlocked.Increment(ref inFlight);
                arrivals.Add(Task.Run(async () =>
                {
                    try
                    {
                        await ArriveAsync();
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }, CancellationToken.None));
            }

            var wait = schedule.UntilNext(_churnClock.Elapsed);
            try
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(20) ? TimeSpan.FromMilliseconds(5) : TimeSpan.FromMilliseconds(20), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(arrivals);
    }

    private async Task ArriveAsync()
    {
        ChurnCall call;
        try
        {
            call = await SetUpCallAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException or FormatException)
        {
            lock (_live)
            {
                _failed++;
            }

            Console.Error.WriteLine($"\nchurn: a call's set-up failed: {ex.Message}");
            return;
        }

        _sender!.Add(call.Streams);
        var leaving = new List<ChurnCall>();
        lock (_live)
        {
            _live.Add(call);
            if (_windowOpen)
            {
                _window.Add(call);
                _arrivals++;
                _setupMs.Add(call.SetupMs);
            }

            int departures = ChurnSchedule.Departures(_live.Count, options.Count);
            leaving.AddRange(_live.Take(departures));
            _live.RemoveRange(0, departures);
            if (_windowOpen)
            {
                _departed += departures;
            }
        }

        foreach (var old in leaving)
        {
            var departure = DepartAsync(old);
            lock (_departures)
            {
                _departures.Add(departure);
            }
        }
    }

    // Streams stop first (so no packet races the DELETE), then the session ends and the hubs close; the peers go
    // last, after any sender pass that still held the old stream list.
    private async Task DepartAsync(ChurnCall call)
    {
        call.Ended = true;
        _sender!.Remove(call.Streams);
        try
        {
            await target.EndCallAsync(call.Room, call.Members, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"\nchurn: ending {call.Room} failed: {ex.Message}");
        }

        await Task.Delay(100, CancellationToken.None);
        await call.DisposePeersAsync();
    }

    // RFC 7675: without a check every few seconds the server's consent expires and it closes the peer.
    private void SendConsentChecks()
    {
        foreach (var call in Live())
        {
            foreach (var member in call.Members)
            {
                member.Publisher?.SendCheck(useCandidate: false);
                foreach (var subscriber in member.Subscribers)
                {
                    subscriber.SendCheck(useCandidate: false);
                }
            }
        }
    }
}
