using System.Globalization;
using System.Text;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>The human summary of <see cref="SoakSummary"/>: one line per SSRC, then the verdict.</summary>
internal static class SoakText
{
    public static string Format(SoakSummary s)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"target {s.Target}  scenario soak (>= {s.WrapsRequired} wraps per SSRC)  audio {s.AudioPps} pps  video {s.VideoPps} pps  bundled {(s.Bundled ? "yes" : "NO")}")
            .AppendLine(c, $"  peers {s.PeersConnected}/{s.Peers}  setup {s.SetupSeconds:0.0} s  soak {s.SoakSeconds:0.0} s  sent {s.PacketsSent} ({s.SentPerSecond:0} pps)  received {s.PacketsReceived} ({s.ReceivedPerSecond:0} pps)")
            .AppendLine("  kind   sender SSRC  receiver SSRC        sent    received  wraps sent/recv      lost    loss %  auth fail  renumbered");
        foreach (var r in s.Streams)
        {
            string receiverSsrc = r.ReceiverSsrc?.ToString(c) ?? "-";
            text.AppendLine(c, $"  {r.Kind,-5} {r.SenderSsrc,12} {receiverSsrc,14} {r.PacketsSent,11} {r.PacketsReceived,11}  {r.WrapsSent,6} / {r.WrapsReceived,-6} {r.Lost,9} {r.LossPercent,9:0.0000} {r.ClientAuthFailures,10} {r.Renumbered,11}");
        }

        string server = s.ServerAuthFailures is { } failures
            ? string.Create(c, $"{failures} (the server received {s.ServerRtp} RTP packets and dropped {s.ServerDropped} datagrams over the run)")
            : "n/a (no /v1/media/stats on this target)";
        text.AppendLine(c, $"  SRTP auth failures: clients {s.ClientAuthFailures}, server {server}")
            .AppendLine(c, $"  drops: receiving sockets' kernel buffers {Or(s.ClientSocketDrops)}, server send errors {Or(s.ServerSendErrors)}")
            .AppendLine(c, $"  latency p50 {s.LatencyP50Ms:0.000} ms  p99 {s.LatencyP99Ms:0.000} ms  server CPU {s.ServerCpuSeconds:0.00} s  RSS {s.ServerRssMb:0} MB");
        text.Append(s.Passed ? "  PASS" : "  FAIL: " + string.Join("; ", s.Failures));
        return text.ToString();
    }

    private static string Or(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
}
