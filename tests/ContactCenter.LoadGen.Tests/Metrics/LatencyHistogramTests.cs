using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentile_Empty_ReturnsZero() => Assert.Equal(0, new LatencyHistogram().Percentile(99));

    [Fact]
    public void Percentile_SmallValues_AreExact()
    {
        var histogram = new LatencyHistogram();
        for (int v = 1; v <= 50; v++)
        {
            histogram.Record(v);
        }

        Assert.Equal(25, histogram.Percentile(50));
        Assert.Equal(50, histogram.Percentile(99));
        Assert.Equal(1, histogram.Percentile(0));
    }

    [Fact]
    public void Percentile_UniformOneToTenThousand_WithinBucketError()
    {
        var histogram = new LatencyHistogram();
        for (int v = 1; v <= 10_000; v++)
        {
            histogram.Record(v);
        }

        // 32 sub-buckets per octave: the answer is at most 1/32 above the true value, never below it.
        Assert.InRange(histogram.Percentile(50), 5_000, 5_000 + 5_000 / 32);
        Assert.InRange(histogram.Percentile(99), 9_900, 9_900 + 9_900 / 32);
        Assert.Equal(10_000, histogram.Percentile(100));
    }

    [Fact]
    public void Percentile_OneOutlier_P99StaysLowAndMaxIsKept()
    {
        var histogram = new LatencyHistogram();
        for (int i = 0; i < 999; i++)
        {
            histogram.Record(200);
        }

        histogram.Record(80_000);

        Assert.InRange(histogram.Percentile(99), 200, 206);
        Assert.Equal(80_000, histogram.MaxMicroseconds);
        Assert.Equal(1000, histogram.Count);
    }

    [Fact]
    public void Record_Negative_CountsAsZero()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-5);
        Assert.Equal(0, histogram.Percentile(50));
        Assert.Equal(1, histogram.Count);
    }

    [Fact]
    public void Reset_AfterRecords_Empty()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1234);
        histogram.Reset();
        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.Percentile(50));
    }

    [Theory]
    [InlineData(63UL)]
    [InlineData(64UL)]
    [InlineData(65UL)]
    [InlineData(1000UL)]
    [InlineData(123_456_789UL)]
    [InlineData(long.MaxValue)]
    public void IndexOf_AnyValue_LandsInBucketWhoseUpperBoundCoversIt(ulong value)
    {
        int index = LatencyHistogram.IndexOf(value);
        Assert.True((ulong)LatencyHistogram.UpperBound(index) >= value);
        if (index > 0)
        {
            Assert.True((ulong)LatencyHistogram.UpperBound(index - 1) < value);
        }
    }
}
