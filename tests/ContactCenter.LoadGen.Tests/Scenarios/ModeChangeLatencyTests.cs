using ContactCenter.LoadGen.Scenarios;

namespace ContactCenter.LoadGen.Tests.Scenarios;

public sealed class ModeChangeLatencyTests
{
    [Fact]
    public void Of_TwentySamples_MedianAndP95AreNearestRank()
    {
        var samples = Enumerable.Range(1, 20).Select(i => (double)i).Reverse().ToList();

        var latency = ModeChangeLatency.Of(samples);

        Assert.Equal(20, latency.Count);
        Assert.Equal(10, latency.MedianMs);
        Assert.Equal(19, latency.P95Ms);
        Assert.Equal(20, latency.MaxMs);
    }

    [Fact]
    public void Parse_ModeChanges_IsRead() =>
        Assert.Equal(20, LoadGenOptions.Parse(["whisper", "--calls", "10", "--mode-changes", "20"]).ModeChanges);
}
