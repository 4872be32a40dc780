using ContactCenter.Core.Usage;
using ContactCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Web.Ui;

/// <summary>The usage log in the application database (table UsageRecords), one scope per call.</summary>
internal sealed class EfUsageLog : IUsageLog
{
    private readonly IServiceScopeFactory _scopes;

    public EfUsageLog(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public async Task RecordJoinAsync(UsageRecord record, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        db.Set<UsageRecord>().Add(record);
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordLeaveAsync(string participantId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var open = await db.Set<UsageRecord>().Where(r => r.ParticipantId == participantId && r.LeftAt == null).ToListAsync(ct);
        foreach (var record in open)
        {
            record.Leave(at.ToUniversalTime());
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<UsageRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var start = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        return await db.Set<UsageRecord>().AsNoTracking()
            .Where(r => r.JoinedAt < end && (r.LeftAt == null || r.LeftAt > start))
            .ToListAsync(ct);
    }
}
