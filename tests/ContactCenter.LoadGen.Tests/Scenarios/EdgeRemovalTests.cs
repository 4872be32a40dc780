using ContactCenter.LoadGen.Metrics;
using ContactCenter.LoadGen.Scenarios;

namespace ContactCenter.LoadGen.Tests.Scenarios;

public sealed class EdgeRemovalTests
{
    private const long Frequency = 1_000_000; // 1 tick = 1 µs
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Measure_LastPacketAfterThePut_IsTheTimeBetween()
    {
        var (outcome, ms) = EdgeRemoval.Measure(putTicks: 1_000_000, lastArrivalTicks: 1_012_500, readTicks: 1_500_000, Frequency, Quiet);

        Assert.Equal(EdgeRemovalOutcome.Stopped, outcome);
        Assert.Equal(12.5, ms, 6);
    }

    [Fact]
    public void Measure_NoPacketAfterThePut_IsZero()
    {
        var (outcome, ms) = EdgeRemoval.Measure(putTicks: 1_000_000, lastArrivalTicks: 990_000, readTicks: 1_500_000, Frequency, Quiet);

        Assert.Equal(EdgeRemovalOutcome.Stopped, outcome);
        Assert.Equal(0, ms);
    }

    [Fact]
    public void Measure_PacketWithinTheQuietTime_StillForwarding()
    {
        var (outcome, ms) = EdgeRemoval.Measure(putTicks: 1_000_000, lastArrivalTicks: 1_480_000, readTicks: 1_500_000, Frequency, Quiet);

        Assert.Equal(EdgeRemovalOutcome.StillForwarding, outcome);
        Assert.Equal(500, ms, 6);
    }

    [Theory]
    [InlineData(0, false)] // nothing ever arrived
    [InlineData(850_000, false)] // 150 ms before the PUT: not delivering
    [InlineData(950_000, true)]
    public void WasLive_LastArrivalBeforeThePut_TrueOnlyWhenRecent(long lastArrival, bool live) =>
        Assert.Equal(live, EdgeRemoval.WasLive(lastArrival, putTicks: 1_000_000, Frequency, TimeSpan.FromMilliseconds(100)));

    [Fact]
    public void Measure_FromATrackersStamps_UsesTheNewestArrival()
    {
        var tracker = new StreamLossTracker();
        tracker.Record(1, arrivalTicks: 995_000);
        tracker.Record(2, arrivalTicks: 1_015_000);
        tracker.Record(3, arrivalTicks: 1_035_000); // forwarded 35 ms after the PUT, then nothing

        var (outcome, ms) = EdgeRemoval.Measure(1_000_000, tracker.LastArrivalTicks, 1_600_000, Frequency, Quiet);

        Assert.Equal(EdgeRemovalOutcome.Stopped, outcome);
        Assert.Equal(35, ms, 6);
    }
}
