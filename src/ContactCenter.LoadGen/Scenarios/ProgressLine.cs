using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>One console line (stderr), rewritten every second: peers, pps each way, loss, latency, and the scenario's own suffix.</summary>
internal sealed class ProgressLine(LoadStats stats, IReadOnlyList<ClientPeer> receivers, int peers, int connected, Func<string>? suffix = null)
{
    private long _lastSent;
    private long _lastReceived;
    private TimeSpan _lastAt;
    private string _lastPhase = "";

    public void Print(string phase, TimeSpan at)
    {
        if (phase != _lastPhase)
        {
            _lastPhase = phase;
            _lastSent = 0;
            _lastReceived = 0;
            _lastAt = TimeSpan.Zero;
        }

        long sent = stats.Sent, received = stats.Received;
        double seconds = Math.Max(0.001, (at - _lastAt).TotalSeconds);
        var loss = LossTotals.Of(receivers);
        string line = $"[{phase} {at.TotalSeconds,4:0}s] peers {connected}/{peers}  sent {(sent - _lastSent) / seconds,8:0} pps  "
            + $"recv {(received - _lastReceived) / seconds,8:0} pps  loss {loss.Percent,6:0.000}%  "
            + $"p50 {stats.Latency.Percentile(50) / 1000.0,6:0.00} ms  p99 {stats.Latency.Percentile(99) / 1000.0,6:0.00} ms  auth-fail {stats.AuthFailures}" + suffix?.Invoke();
        Console.Error.Write("\r" + line.PadRight(Math.Max(line.Length, 120)));
        _lastSent = sent;
        _lastReceived = received;
        _lastAt = at;
    }
}
