using System.Globalization;
using ContactCenter.Core.Desks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Data.CallCenter;

/// <summary>
/// The desks' records in the application database: disposition codes (table DispositionCodes), the wrap-up columns
/// and the history of table Calls, and the admin's settings (table DeskSettings). One scope per operation.
/// </summary>
internal sealed class EfDeskStore : IDeskStore
{
    private const string ServiceLevelKey = "ServiceLevelTargetSeconds";

    private readonly IServiceScopeFactory _scopes;

    public EfDeskStore(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public async Task<IReadOnlyList<DispositionCode>> GetCodesAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var rows = await db.Set<DispositionCodeRow>().AsNoTracking().OrderBy(c => c.CreatedTicks).ToListAsync(ct);
        return rows.Select(r => new DispositionCode(r.Id, r.Label, r.IsActive)).ToList();
    }

    public async Task SaveCodeAsync(DispositionCode code, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var row = await db.Set<DispositionCodeRow>().FirstOrDefaultAsync(c => c.Id == code.Id, ct);
        if (row is null)
        {
            row = new DispositionCodeRow { Id = code.Id, CreatedTicks = DateTimeOffset.UtcNow.UtcTicks };
            db.Add(row);
        }

        row.Label = code.Label;
        row.IsActive = code.IsActive;
        await db.SaveChangesAsync(ct);
    }

    public async Task<DeskSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var row = await Db(scope).Set<DeskSettingRow>().AsNoTracking().FirstOrDefaultAsync(s => s.Key == ServiceLevelKey, ct);
        return row is not null && int.TryParse(row.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new DeskSettings { ServiceLevelTargetSeconds = seconds }
            : new DeskSettings();
    }

    public async Task SaveSettingsAsync(DeskSettings settings, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var row = await db.Set<DeskSettingRow>().FirstOrDefaultAsync(s => s.Key == ServiceLevelKey, ct);
        if (row is null)
        {
            row = new DeskSettingRow { Key = ServiceLevelKey };
            db.Add(row);
        }

        row.Value = settings.ServiceLevelTargetSeconds.ToString(CultureInfo.InvariantCulture);
        await db.SaveChangesAsync(ct);
    }

    public async Task<CallRecord?> FindLastCallOfAgentAsync(string agentUserId, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var row = await db.Set<CallRow>().AsNoTracking()
            .Where(c => c.EndedAt != null && db.Set<CallMemberRow>().Any(m => m.CallId == c.CallId && m.UserId == agentUserId && !m.IsSupervisor))
            .OrderByDescending(c => c.WaitingTicks)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (await ToRecordsAsync(db, [row], ct))[0];
    }

    public async Task<bool> SaveDispositionAsync(string callId, string? codeId, string note, string byName, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);

        // One statement: two tabs submitting at once cannot both win.
        var updated = await db.Set<CallRow>()
            .Where(c => c.CallId == callId && c.EndedAt != null && c.DispositionAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.DispositionCodeId, codeId)
                    .SetProperty(c => c.DispositionNote, note)
                    .SetProperty(c => c.DispositionBy, byName)
                    .SetProperty(c => c.DispositionAt, at.ToUniversalTime()),
                ct);
        return updated == 1;
    }

    public async Task<IReadOnlyList<CallRecord>> GetCallerHistoryAsync(string callerKey, string? exceptCallId, int limit, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var rows = await db.Set<CallRow>().AsNoTracking()
            .Where(c => c.CallerKey == callerKey && c.EndedAt != null && c.CallId != exceptCallId)
            .OrderByDescending(c => c.WaitingTicks)
            .Take(limit)
            .ToListAsync(ct);
        return await ToRecordsAsync(db, rows, ct);
    }

    public async Task<IReadOnlyList<CallRecord>> GetCallsSinceAsync(DateTimeOffset since, int limit, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = Db(scope);
        var from = since.UtcTicks;
        var rows = await db.Set<CallRow>().AsNoTracking()
            .Where(c => c.WaitingTicks >= from)
            .OrderByDescending(c => c.WaitingTicks)
            .Take(limit)
            .ToListAsync(ct);
        return await ToRecordsAsync(db, rows, ct);
    }

    private static ContactCenterDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();

    private static async Task<IReadOnlyList<CallRecord>> ToRecordsAsync(ContactCenterDbContext db, List<CallRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.CallId).ToList();
        var agents = await db.Set<CallMemberRow>().AsNoTracking().Where(m => ids.Contains(m.CallId) && !m.IsSupervisor).ToListAsync(ct);
        var codeIds = rows.Where(r => r.DispositionCodeId != null).Select(r => r.DispositionCodeId!).Distinct().ToList();
        var labels = codeIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Set<DispositionCodeRow>().AsNoTracking().Where(c => codeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Label, ct);
        return rows.Select(r => new CallRecord(
            r.CallId,
            r.CustomerName,
            r.CustomerTag,
            r.CallerKey,
            r.WaitingSince,
            r.ConnectedAt,
            r.EndedAt,
            agents.Where(m => m.CallId == r.CallId).Select(m => m.Name).Distinct().ToList(),
            r.DispositionCodeId,
            r.DispositionCodeId is { } id && labels.TryGetValue(id, out var label) ? label : null,
            r.DispositionNote,
            r.DispositionBy,
            r.DispositionAt)).ToList();
    }
}
