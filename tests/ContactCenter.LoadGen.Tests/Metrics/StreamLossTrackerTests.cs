using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Metrics;

public sealed class StreamLossTrackerTests
{
    [Fact]
    public void Record_InOrder_NoLoss()
    {
        var tracker = Feed(Enumerable.Range(100, 500));
        Assert.Equal(500, tracker.Expected);
        Assert.Equal(0, tracker.Lost);
        Assert.Equal(500, tracker.Unique);
    }

    [Fact]
    public void Record_Gaps_CountsMissing()
    {
        var tracker = Feed([1, 2, 5, 6, 10]);
        Assert.Equal(10, tracker.Expected);
        Assert.Equal(5, tracker.Lost);
    }

    [Fact]
    public void Record_ReorderedWithinWindow_FillsTheGap()
    {
        var tracker = Feed([1, 2, 4, 5, 3]);
        Assert.Equal(0, tracker.Lost);
        Assert.Equal(1, tracker.Reordered);
        Assert.Equal(0, tracker.Duplicates);
    }

    [Fact]
    public void Record_Duplicates_CountedOnceAndReported()
    {
        var tracker = Feed([1, 2, 2, 3, 1, 3]);
        Assert.Equal(3, tracker.Unique);
        Assert.Equal(3, tracker.Duplicates);
        Assert.Equal(0, tracker.Lost);
    }

    [Fact]
    public void Record_LateSequenceSharingARingSlot_NotMistakenForDuplicate()
    {
        // 1,029 shares 5's slot in the 1,024-bit ring; advancing past it must have cleared 5's old bit.
        var tracker = Feed([5, 1000, 1030, 1029]);
        Assert.Equal(0, tracker.Duplicates);
        Assert.Equal(1, tracker.Reordered);
        Assert.Equal(4, tracker.Unique);
        Assert.Equal(1026 - 4, tracker.Lost);
    }

    [Fact]
    public void Record_OlderThanWindow_TooLateAndStillLost()
    {
        var tracker = Feed([10, 10 + StreamLossTracker.Window + 5, 11]);
        Assert.Equal(1, tracker.TooLate);
        Assert.Equal(2, tracker.Unique);
        Assert.Equal(StreamLossTracker.Window + 6 - 2, tracker.Lost);
    }

    [Fact]
    public void Record_BeforeFirstSeen_TooLate()
    {
        var tracker = Feed([50, 51, 49]);
        Assert.Equal(1, tracker.TooLate);
        Assert.Equal(0, tracker.Lost);
    }

    [Fact]
    public void Reset_AfterWarmUp_CountsFromNextPacket()
    {
        var tracker = Feed([1, 5]);
        tracker.Reset();
        tracker.Record(100);
        tracker.Record(101);
        Assert.Equal(2, tracker.Expected);
        Assert.Equal(0, tracker.Lost);
    }

    [Fact]
    public void Record_WithArrivalTime_KeepsTheNewestAcrossReset()
    {
        var tracker = new StreamLossTracker();
        Assert.Equal(0, tracker.LastArrivalTicks);

        tracker.Record(7, arrivalTicks: 1_000);
        tracker.Record(8, arrivalTicks: 1_020);
        Assert.Equal(1_020, tracker.LastArrivalTicks);

        tracker.Reset();
        Assert.Equal(1_020, tracker.LastArrivalTicks);
        Assert.Equal(0, tracker.Expected);
    }

    private static StreamLossTracker Feed(IEnumerable<int> sequences)
    {
        var tracker = new StreamLossTracker();
        foreach (int s in sequences)
        {
            tracker.Record((uint)s);
        }

        return tracker;
    }
}
