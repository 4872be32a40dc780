using System.Diagnostics;
using ContactCenter.LoadGen.Ours;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>
/// Every <see cref="Every"/>, switches one live whisper call to monitor (removing the supervisor → agent edge) and
/// measures, at the agent's receiver, the time from the <c>PUT /mode</c> to that edge's last packet, and how long
/// after the PUT's response that packet came (0 when forwarding had stopped when the response arrived). Probes
/// overlap (each waits <see cref="Settle"/> before reading). It picks the newest call whose edge is delivering (so
/// it does not end during the probe) and probes each call once: the edge is never added back, so its stream shows
/// no gap in the loss count.
/// </summary>
internal sealed class RemovalProber(OursTarget target, Func<IReadOnlyList<ChurnCall>> liveCalls)
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LiveWithin = TimeSpan.FromMilliseconds(100);
    private readonly List<double> _removals = [];
    private readonly List<double> _roundTrips = [];
    private readonly List<double> _afterResponse = [];
    private readonly Lock _lock = new();
    private int _stillForwarding;

    public int StillForwarding => Volatile.Read(ref _stillForwarding);

    public ModeChangeLatency? Removals => Of(_removals);

    public ModeChangeLatency? RoundTrips => Of(_roundTrips);

    public ModeChangeLatency? AfterResponse => Of(_afterResponse);

    /// <summary>Probes until <paramref name="stop"/>; returns after the probes under way have been read.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var probes = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (Pick() is { } call)
            {
                probes.Add(ProbeAsync(call));
            }
        }

        await Task.WhenAll(probes);
    }

    private ModeChangeLatency? Of(List<double> samples)
    {
        lock (_lock)
        {
            return samples.Count == 0 ? null : ModeChangeLatency.Of([.. samples]);
        }
    }

    private ChurnCall? Pick()
    {
        var calls = liveCalls();
        long now = Stopwatch.GetTimestamp();
        // Newest first, and only the newer half: the oldest calls end soonest.
        for (int i = calls.Count - 1; i >= calls.Count / 2; i--)
        {
            var call = calls[i];
            if (!call.Probed && !call.Ended && call.SupervisorAtAgent() is { } edge
                && EdgeRemoval.WasLive(edge.LastArrivalTicks, now, Stopwatch.Frequency, LiveWithin))
            {
                call.Probed = true;
                return call;
            }
        }

        return null;
    }

    private async Task ProbeAsync(ChurnCall call)
    {
        var edge = call.SupervisorAtAgent()!;
        long put = Stopwatch.GetTimestamp();
        if (!EdgeRemoval.WasLive(edge.LastArrivalTicks, put, Stopwatch.Frequency, LiveWithin))
        {
            return;
        }

        double roundTrip;
        try
        {
            roundTrip = await target.SetModeAsync(call.Room, "monitor", call.Members, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            Console.Error.WriteLine($"\nchurn: PUT /mode monitor on {call.Room} failed: {ex.Message}");
            return;
        }

        await Task.Delay(Settle, CancellationToken.None);
        var (outcome, ms) = EdgeRemoval.Measure(put, edge.LastArrivalTicks, Stopwatch.GetTimestamp(), Stopwatch.Frequency, Quiet);
        if (call.Ended)
        {
            return; // its streams stopped because it ended, not because of the mode change
        }

        if (outcome == EdgeRemovalOutcome.StillForwarding)
        {
            Interlocked.Increment(ref _stillForwarding);
            Console.Error.WriteLine($"\nchurn: {call.Room}: supervisor -> agent still forwarding {ms:0} ms after PUT /mode monitor");
            return;
        }

        lock (_lock)
        {
            _removals.Add(ms);
            _roundTrips.Add(roundTrip);
            _afterResponse.Add(Math.Max(0, ms - roundTrip));
        }
    }
}
