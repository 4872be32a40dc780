using ContactCenter.Core.Usage;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Ui;

public sealed class EfUsageLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = ApiFactory.CreateFolder();

    public void Dispose() => ApiFactory.DeleteFolder(_folder);

    [Fact]
    public async Task JoinLeaveList_Stays_StoredAndFilteredByRange()
    {
        await using var factory = new ApiFactory(_folder);
        var log = factory.Services.GetRequiredService<IUsageLog>();
        await log.RecordJoinAsync(new UsageRecord("demo", "s1", "p1", "web-caller", T0));
        await log.RecordJoinAsync(new UsageRecord("demo", "s1", "p2", "agent", T0.AddMinutes(1)));
        await log.RecordJoinAsync(new UsageRecord("demo", "s2", "p3", "web-caller", T0.AddDays(-3)));
        await log.RecordLeaveAsync("p1", T0.AddMinutes(10));
        await log.RecordLeaveAsync("p3", T0.AddDays(-3).AddMinutes(5));

        var today = await log.ListAsync(new DateTimeOffset(T0.UtcDateTime.Date, TimeSpan.Zero), T0.AddDays(1));

        Assert.Equal(["p1", "p2"], today.Select(r => r.ParticipantId).Order(StringComparer.Ordinal));
        Assert.Equal(T0.AddMinutes(10), today.Single(r => r.ParticipantId == "p1").LeftAt);
        Assert.Null(today.Single(r => r.ParticipantId == "p2").LeftAt);
        var rows = UsageReport.Compute(today, T0.AddHours(-9), T0.AddHours(15), T0.AddMinutes(4));
        Assert.Equal([("agent", 3d), ("web-caller", 10d)], rows.Select(r => (r.Tag, r.ParticipantMinutes)));
    }

    [Fact]
    public async Task Restart_OpenStaysFromLastRun_ClosedAtStartUp()
    {
        await using (var first = new ApiFactory(_folder))
        {
            await first.Services.GetRequiredService<IUsageLog>().RecordJoinAsync(new UsageRecord("demo", "s1", "p1", "web-caller", T0));
        }

        await using var second = new ApiFactory(_folder);
        var stays = await second.Services.GetRequiredService<IUsageLog>().ListAsync(T0.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.NotNull(Assert.Single(stays).LeftAt);
    }
}
