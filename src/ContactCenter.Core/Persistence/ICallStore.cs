using ContactCenter.Core.Domain;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// Unit of work over accounts, sessions and participants (EF semantics): entities returned are tracked,
/// change them through their methods, and <see cref="SaveChangesAsync"/> commits every change in one
/// transaction, or none. A store instance is scoped to one request.
/// </summary>
public interface ICallStore
{
    Task<Account?> FindAccountAsync(string accountId, CancellationToken ct = default);

    Task<Session?> FindSessionAsync(string accountId, string sessionId, CancellationToken ct = default);

    Task<Participant?> FindParticipantAsync(string accountId, string participantId, CancellationToken ct = default);

    /// <summary>Finds a participant by id across accounts (token-authenticated signaling, SIP).</summary>
    Task<Participant?> FindParticipantAsync(string participantId, CancellationToken ct = default);

    /// <summary>The current members of a session (participants whose SessionId is it), tracked.</summary>
    Task<IReadOnlyList<Participant>> GetMembersAsync(string sessionId, CancellationToken ct = default);


    void Add(Account account);

    void Add(Session session);

    void Add(Participant participant);

    void Remove(Session session);

    void Remove(Participant participant);

    /// <summary>Commits every change; throws <see cref="SessionFullException"/> when the database refused a member beyond the cap.</summary>
    Task SaveChangesAsync(CancellationToken ct = default);
}
