using System.Globalization;
using System.Text;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>The human summary of a <see cref="ChurnSummary"/>.</summary>
internal static class ChurnText
{
    public static string Format(ChurnSummary s, double maxLossPercent)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"target {s.Target}  scenario churn  {s.LiveCalls} live whisper calls  rate {s.RatePerSecond:0.##}/s  measured {s.MeasuredSeconds:0.0} s")
            .AppendLine(c, $"  calls     {s.ArrivalsInWindow} arrived ({s.ArrivalsPerSecond:0.00}/s), {s.DeparturesInWindow} ended; {s.ArrivalsBehindAtEnd} behind schedule at the end, {s.FailedArrivals} failed, {s.ArrivedCallsNotConnected} not connected")
            .AppendLine(c, $"  set-up    per churn call: {Describe(s.CallSetupMs)}")
            .AppendLine(c, $"  loss      calls live the whole window ({s.SpanningCalls}): {s.SpanningLoss.Lost} of {s.SpanningLoss.Expected} ({s.SpanningLoss.Percent:0.000}%)   every call in the window: {s.WindowLoss.Lost} of {s.WindowLoss.Expected} ({s.WindowLoss.Percent:0.000}%)")
            .AppendLine(c, $"  packets   sent {s.PacketsSent}  received {s.PacketsReceived}  SRTP auth failures {s.AuthFailures}")
            .AppendLine(c, $"  removal   PUT /mode whisper->monitor to the last supervisor->agent packet: {Describe(s.RemovalToLastPacketMs)}; still forwarding {s.RemovalsStillForwarding}")
            .AppendLine(c, $"            PUT /mode round trip (client): {Describe(s.RemovalPutRoundTripMs)}")
            .AppendLine(c, $"            last packet after the PUT's response: {Describe(s.LastPacketAfterResponseMs)}")
            .AppendLine(c, $"  server    CPU {(s.ServerCpuSeconds is { } cpu ? cpu.ToString("0.00 s", c) : "n/a")}  RSS {(s.ServerRssMb is { } rss ? rss.ToString("0 MB", c) : "n/a")}")
            .Append(c, $"  verdict   {(s.Held(maxLossPercent) ? "HELD" : "NOT HELD")} (loss < {maxLossPercent}%, every arrival up, no removed edge forwarding, at most 1 s of arrivals late)");
        return text.ToString();
    }

    private static string Describe(ModeChangeLatency? l) =>
        l is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"n {l.Count}  median {l.MedianMs:0.0} ms  p95 {l.P95Ms:0.0} ms  max {l.MaxMs:0.0} ms");
}
