using ContactCenter.Core.Usage;
using ContactCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Web.Ui;

/// <summary>
/// At start-up, closes the stays a previous run left open whose participant is no longer in a session (it left while
/// the usage write was lost). They are closed at the start-up time, an upper bound (the last moment is not known).
/// The stays of live calls' members stay open: the calls survive a restart, and end (and close them) later.
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
        var members = db.Participants.Where(p => p.SessionId != null).Select(p => p.Id);
        foreach (var record in await db.Set<UsageRecord>().Where(r => r.LeftAt == null && !members.Contains(r.ParticipantId)).ToListAsync(ct))
        {
            record.Leave(now);
        }

        await db.SaveChangesAsync(ct);
    }
}
