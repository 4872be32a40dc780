using ContactCenter.Core.Usage;

namespace ContactCenter.Core.Tests.Usage;

public sealed class UsageReportTests
{
    private static readonly DateTimeOffset Day1 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static UsageRecord Stay(string participant, string? tag, DateTimeOffset from, DateTimeOffset? to)
    {
        var record = new UsageRecord("acct", "s1", participant, tag, from);
        if (to is { } left)
        {
            record.Leave(left);
        }

        return record;
    }

    [Fact]
    public void Compute_StaysOfTwoTags_SumsMinutesPerTagAndCountsParticipants()
    {
        var records = new[]
        {
            Stay("c1", "web-caller", Day1.AddHours(9), Day1.AddHours(9).AddMinutes(10)),
            Stay("c2", "web-caller", Day1.AddHours(10), Day1.AddHours(10).AddMinutes(5)),
            Stay("a1", "agent", Day1.AddHours(9).AddMinutes(1), Day1.AddHours(9).AddMinutes(10)),
        };

        var rows = UsageReport.Compute(records, Day1, Day1.AddDays(1), Day1.AddDays(2));

        Assert.Equal(
            [new UsageRow(DateOnly.FromDateTime(Day1.UtcDateTime), "agent", 9, 1), new UsageRow(DateOnly.FromDateTime(Day1.UtcDateTime), "web-caller", 15, 2)],
            rows);
    }

    [Fact]
    public void Compute_StayAcrossMidnight_SplitsMinutesBetweenDays()
    {
        var records = new[] { Stay("c1", "web-caller", Day1.AddMinutes(-20), Day1.AddMinutes(30)) };

        var rows = UsageReport.Compute(records, Day1.AddDays(-1), Day1.AddDays(1), Day1.AddDays(2));

        Assert.Equal([20d, 30d], rows.Select(r => r.ParticipantMinutes));
        Assert.Equal([new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 1)], rows.Select(r => r.Day));
    }

    [Fact]
    public void Compute_OpenStay_CountsUpToNow()
    {
        var records = new[] { Stay("c1", null, Day1.AddHours(1), null) };

        var row = Assert.Single(UsageReport.Compute(records, Day1, Day1.AddDays(1), Day1.AddHours(1).AddMinutes(7)));

        Assert.Equal((UsageReport.UntaggedLabel, 7d), (row.Tag, row.ParticipantMinutes));
    }

    [Fact]
    public void Compute_StayOutsideRange_ClippedToRange()
    {
        var records = new[] { Stay("c1", "t", Day1.AddHours(-2), Day1.AddHours(2)) };

        var row = Assert.Single(UsageReport.Compute(records, Day1, Day1.AddHours(1), Day1.AddDays(1)));

        Assert.Equal(60d, row.ParticipantMinutes);
    }

    [Fact]
    public void ToCsv_TagWithCommaAndFormula_QuotedAndDefused()
    {
        var csv = UsageReport.ToCsv([new UsageRow(new DateOnly(2025, 3, 1), "=a,b", 1.5, 2)]);

        Assert.Equal("day,tag,participant_minutes,participants\r\n2025-03-01,\"'=a,b\",1.5,2\r\n", csv);
    }

    [Fact]
    public void Leave_BeforeJoin_CountsAsZero()
    {
        var record = Stay("c1", "t", Day1, Day1.AddMinutes(-5));

        Assert.Empty(UsageReport.Compute([record], Day1.AddDays(-1), Day1.AddDays(1), Day1.AddDays(1)));
    }
}
