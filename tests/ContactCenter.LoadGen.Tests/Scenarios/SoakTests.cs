using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;
using ContactCenter.LoadGen.Scenarios;
using ContactCenter.LoadGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContactCenter.LoadGen.Tests.Scenarios;

/// <summary>
/// Issue 7's soak through the real server (Kestrel, SQLite, the UDP media socket): one publisher sends audio and
/// video bundled on one connection, the SFU forwards both to one subscriber, until every SSRC's 16-bit sequence
/// number has wrapped at least four times at the receiver. SRTP must authenticate every packet on both legs
/// (the rollover counter is what a wrap exercises), and almost nothing may be lost.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Wraps = 4;

    [Fact]
    public async Task Soak_AudioAndVideoBundledThroughTheSfu_EverySsrcWrapsFourTimesWithoutAuthFailures()
    {
        await using var host = new SoakHostFactory();
        var transport = host.Transport;
        // The time limit only bounds a broken run; the soak ends as soon as every SSRC has wrapped.
        var options = LoadGenOptions.Parse(
        [
            "soak", "--wraps", "4", "--server", host.BaseAddress.ToString(), "--duration", "600",
            "--account", SoakHostFactory.Account, "--user", SoakHostFactory.User, "--password", SoakHostFactory.Password,
        ]);
        var stats = new LoadStats();

        SoakSummary summary;
        await using (var target = TargetFactory.Create(options, stats))
        {
            summary = await new ScenarioRunner(options, target, stats).RunSoakAsync(CancellationToken.None);
        }

        output.WriteLine(SoakText.Format(summary));
        Assert.True(summary.Bundled, "audio and video must share the publisher's connection and the subscriber's");
        Assert.Equal(["audio", "video"], summary.Streams.Select(s => s.Kind).Order(StringComparer.Ordinal));
        foreach (var stream in summary.Streams)
        {
            Assert.True(stream.WrapsReceived >= Wraps, $"{stream.Kind}: {stream.WrapsReceived} wraps received");
            Assert.True(stream.PacketsReceived >= Wraps * 65_536L, $"{stream.Kind}: {stream.PacketsReceived} packets received");
            Assert.True(stream.WrapsSent >= stream.WrapsReceived, $"{stream.Kind}: {stream.WrapsSent} sent, {stream.WrapsReceived} received");
            Assert.NotNull(stream.ReceiverSsrc);
            Assert.Equal(0, stream.ClientAuthFailures);
            Assert.True(stream.LossPercent < 0.1, $"{stream.Kind}: {stream.Lost} of {stream.Expected} lost");
        }

        Assert.Equal(0, summary.ClientAuthFailures);
        Assert.Equal(0L, summary.ServerAuthFailures);
        Assert.Equal(0, transport.Counters.SrtpAuthFailures);
        Assert.Empty(summary.Failures);
    }
}
