using ContactCenter.Core.Usage;
using ContactCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Web.Ui;

/// <summary>
/// At start-up, closes the stays a previous run left open: the live queue is in memory, so those calls ended with
/// that process. They are closed at the start-up time, an upper bound (the last moment is not known).
/// </summary>
internal sealed class OpenUsageCloser : IContactCenterSeeder
{
    private readonly TimeProvider _time;

    public OpenUsageCloser(TimeProvider time)
    {
        _time = time;
    }

    public async Task SeedAsync(ContactCenterDbContext db, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        foreach (var record in await db.Set<UsageRecord>().Where(r => r.LeftAt == null).ToListAsync(ct))
        {
            record.Leave(now);
        }

        await db.SaveChangesAsync(ct);
    }
}
