using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>The human summary and the JSON options of <see cref="RunSummary"/>.</summary>
internal static class SummaryText
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Format(RunSummary s)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"target {s.Target}  scenario {s.Scenario} x{s.Count}  peers {s.PeersConnected}/{s.Peers}  setup {s.SetupSeconds:0.0} s  measured {s.MeasuredSeconds:0.0} s")
            .AppendLine(c, $"  sent      {s.PacketsSent,12} packets  {s.SentPerSecond,10:0} pps")
            .AppendLine(c, $"  received  {s.PacketsReceived,12} packets  {s.ReceivedPerSecond,10:0} pps (forwarded by the SFU)")
            .AppendLine(c, $"  loss      {s.Lost,12} of {s.Expected} ({s.LossPercent:0.000}%)  duplicates {s.Duplicates}  SRTP auth failures {s.AuthFailures}")
            .AppendLine(c, $"  server    CPU {s.ServerCpuSeconds:0.00} s ({s.CpuSecondsPer100k:0.000} s per 100k forwarded)  RSS {s.ServerRssMb:0} MB")
            .AppendLine(c, $"  latency   p50 {s.LatencyP50Ms:0.000} ms  p99 {s.LatencyP99Ms:0.000} ms  max {s.LatencyMaxMs:0.000} ms (one-way, loopback, includes both clients' SRTP)")
            .Append(c, $"  loadgen   {s.LoadGenBytesAllocatedPerPacket:0.0} bytes allocated per packet sent or received (progress line and signaling included)");
        if (s.Server is { } w)
        {
            text.AppendLine()
                .Append(c, $"  server    {w.DatagramsPerReceiveCall:0.0} datagrams per receive call, {w.AllocatedBytesPerForwarded:0.00} bytes allocated per forwarded packet (whole process), GCs gen0 {w.Gen0Collections} gen2 {w.Gen2Collections}");
        }

        if (s.ModeChanges is { } m)
        {
            text.AppendLine()
                .Append(c, $"  mode      {m.Count} PUT /mode on a spare call: median {m.MedianMs:0.0} ms  p95 {m.P95Ms:0.0} ms  max {m.MaxMs:0.0} ms");
        }

        return text.ToString();
    }
}
