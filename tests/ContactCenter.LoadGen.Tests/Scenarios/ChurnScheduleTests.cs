using ContactCenter.LoadGen.Scenarios;

namespace ContactCenter.LoadGen.Tests.Scenarios;

public sealed class ChurnScheduleTests
{
    [Theory]
    [InlineData(5, 0, 0)]
    [InlineData(5, 199, 0)]
    [InlineData(5, 200, 1)]
    [InlineData(5, 1000, 5)]
    [InlineData(5, 10_100, 50)]
    [InlineData(0.5, 1999, 0)]
    [InlineData(0.5, 2000, 1)]
    [InlineData(2.5, 1000, 2)]
    public void DueBy_Rate_CountsArrivalsDueSoFar(double rate, int elapsedMs, int due) =>
        Assert.Equal(due, new ChurnSchedule(rate).DueBy(TimeSpan.FromMilliseconds(elapsedMs)));

    [Fact]
    public void TryStartNext_OnePerDueTime_NeverAhead()
    {
        var schedule = new ChurnSchedule(10);

        Assert.False(schedule.TryStartNext(TimeSpan.FromMilliseconds(50), inFlight: 0, maxInFlight: 8));
        Assert.True(schedule.TryStartNext(TimeSpan.FromMilliseconds(100), 0, 8));
        Assert.False(schedule.TryStartNext(TimeSpan.FromMilliseconds(150), 0, 8));
        Assert.True(schedule.TryStartNext(TimeSpan.FromMilliseconds(200), 0, 8));

        Assert.Equal(2, schedule.Started);
        Assert.Equal(0, schedule.Behind(TimeSpan.FromMilliseconds(250)));
    }

    [Fact]
    public void TryStartNext_SetUpsAtTheCap_WaitsAndCountsBehindThenCatchesUp()
    {
        var schedule = new ChurnSchedule(10);
        var at = TimeSpan.FromSeconds(1); // 10 due

        int started = 0;
        while (schedule.TryStartNext(at, inFlight: started, maxInFlight: 4))
        {
            started++;
        }

        Assert.Equal(4, started);
        Assert.Equal(6, schedule.Behind(at));
        Assert.Equal(TimeSpan.Zero, schedule.UntilNext(at));

        // Every set-up finished: the late ones start at once, up to the cap again.
        int more = 0;
        while (schedule.TryStartNext(at, inFlight: more, maxInFlight: 4))
        {
            more++;
        }

        Assert.Equal(4, more);
        Assert.Equal(2, schedule.Behind(at));
    }

    [Fact]
    public void UntilNext_BetweenDueTimes_IsTheRemainder()
    {
        var schedule = new ChurnSchedule(4); // one every 250 ms
        Assert.True(schedule.TryStartNext(TimeSpan.FromMilliseconds(260), 0, 8));

        Assert.Equal(TimeSpan.FromMilliseconds(240), schedule.UntilNext(TimeSpan.FromMilliseconds(260)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), schedule.DueAt(2));
    }

    [Theory]
    [InlineData(300, 300, 0)]
    [InlineData(301, 300, 1)]
    [InlineData(305, 300, 5)]
    [InlineData(10, 300, 0)]
    public void Departures_LiveAboveTarget_EndsTheSurplus(int live, int target, int departures) =>
        Assert.Equal(departures, ChurnSchedule.Departures(live, target));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RateNotPositive_Throws(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnSchedule(rate));
}
