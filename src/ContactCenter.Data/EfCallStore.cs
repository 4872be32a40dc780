using ContactCenter.Core.Domain;
using ContactCenter.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Data;

/// <summary>
/// <see cref="ICallStore"/> over EF Core. Scoped: one DbContext per request, so entities found here are tracked and
/// <see cref="SaveChangesAsync"/> writes every change of the request in a single transaction (EF wraps one
/// SaveChanges in one), or nothing.
/// </summary>
public sealed class EfCallStore : ICallStore
{
    private readonly ContactCenterDbContext _db;

    public EfCallStore(ContactCenterDbContext db)
    {
        _db = db;
    }

    public Task<Account?> FindAccountAsync(string accountId, CancellationToken ct = default) =>
        _db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);

    public Task<Session?> FindSessionAsync(string accountId, string sessionId, CancellationToken ct = default) =>
        _db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.AccountId == accountId, ct);

    public Task<Participant?> FindParticipantAsync(string accountId, string participantId, CancellationToken ct = default) =>
        _db.Participants.FirstOrDefaultAsync(p => p.Id == participantId && p.AccountId == accountId, ct);

    public Task<Participant?> FindParticipantAsync(string participantId, CancellationToken ct = default) =>
        _db.Participants.FirstOrDefaultAsync(p => p.Id == participantId, ct);

    public async Task<IReadOnlyList<Participant>> GetMembersAsync(string sessionId, CancellationToken ct = default)
    {
        var stored = await _db.Participants.Where(p => p.SessionId == sessionId).ToListAsync(ct);

        // Unit-of-work view: members as this request has changed them, before SaveChanges. The query returns
        // the tracked instances, so a participant that left in this request still has its stored SessionId in the
        // database but not in memory; one that joined is only in the change tracker.
        var members = new List<Participant>(stored.Count);
        foreach (var entry in _db.ChangeTracker.Entries<Participant>())
        {
            if (entry.State is not EntityState.Deleted and not EntityState.Detached && entry.Entity.SessionId == sessionId)
            {
                members.Add(entry.Entity);
            }
        }

        return members.OrderBy(p => p.JoinedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    public void Add(Account account) => _db.Accounts.Add(account);

    public void Add(Session session) => _db.Sessions.Add(session);

    public void Add(Participant participant) => _db.Participants.Add(participant);

    public void Remove(Session session) => _db.Sessions.Remove(session);

    public void Remove(Participant participant) => _db.Participants.Remove(participant);

    public async Task SaveChangesAsync(CancellationToken ct = default)
    {
        try
        {
            await _db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (MemberCap.IsViolation(e))
        {
            throw new SessionFullException(e.InnerException?.Message ?? e.Message, e);
        }
    }
}
