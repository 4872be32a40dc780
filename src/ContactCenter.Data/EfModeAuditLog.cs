using ContactCenter.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Data;

/// <summary>The persistent <see cref="IModeAuditLog"/>: one row per mode change, kept after the session ends.</summary>
internal sealed class EfModeAuditLog : IModeAuditLog
{
    private readonly IServiceScopeFactory _scopes;

    public EfModeAuditLog(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public async Task RecordAsync(ModeChangeAudit entry, CancellationToken ct = default)
    {
        // Its own context: the caller's unit of work has already committed, and this must not ride on it.
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        db.ModeChanges.Add(new ModeChangeRecord
        {
            AccountId = entry.AccountId,
            SessionId = entry.SessionId,
            FromMode = entry.FromMode,
            ToMode = entry.ToMode,
            Actor = entry.Actor,
            At = entry.At,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ModeChangeAudit>> ListAsync(string accountId, string sessionId, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var rows = await db.ModeChanges.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.SessionId == sessionId)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        return rows.ConvertAll(r => new ModeChangeAudit(r.AccountId, r.SessionId, r.FromMode, r.ToMode, r.Actor, r.At));
    }
}
