using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;
using ContactCenter.LoadGen.Ours;
using ContactCenter.LoadGen.Scenarios;
using ContactCenter.LoadGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContactCenter.LoadGen.Tests.Scenarios;

/// <summary>
/// The churn scenario through the real server (Kestrel, SQLite, the UDP media socket), small: four whisper calls
/// live while one a second arrives and the oldest end. Calls must turn over, the probes must see the removed
/// supervisor → agent edge stop at the agent, and the calls live the whole window must not lose packets.
/// </summary>
public sealed class ChurnTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Churn_SmallRunThroughTheRealServer_CallsTurnOverAndRemovedEdgesStop()
    {
        await using var host = new SoakHostFactory();
        var options = LoadGenOptions.Parse(
        [
            "churn", "--calls", "4", "--rate", "1", "--duration", "5", "--warmup", "1", "--parallel", "2",
            "--server", host.BaseAddress.ToString(),
            "--account", SoakHostFactory.Account, "--user", SoakHostFactory.User, "--password", SoakHostFactory.Password,
        ]);
        var stats = new LoadStats();

        ChurnSummary summary;
        await using (var target = (OursTarget)TargetFactory.Create(options, stats))
        {
            summary = await new ChurnRunner(options, target, stats).RunAsync(CancellationToken.None);
        }

        output.WriteLine(ChurnText.Format(summary, 0.1));
        Assert.Equal(0, summary.FailedArrivals);
        Assert.True(summary.ArrivalsInWindow > 0, "no call arrived in the window");
        Assert.True(summary.DeparturesInWindow > 0, "no call ended in the window");
        Assert.Equal(0, summary.ArrivedCallsNotConnected);
        Assert.NotNull(summary.RemovalToLastPacketMs);
        Assert.True(summary.RemovalToLastPacketMs!.Count > 0);
        Assert.Equal(0, summary.RemovalsStillForwarding);
        Assert.True(summary.WindowLoss.Expected > 0);
        Assert.Equal(0, summary.AuthFailures);
    }
}
