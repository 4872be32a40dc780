using System.Text;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Persistence;

namespace ContactCenter.Core.Tests.TestDoubles;

/// <summary>
/// An <see cref="ICallStore"/> over dictionaries, close enough to EF for the services: entities are live objects
/// (so a service that changed one before failing is caught by <see cref="Snapshot"/>), while Add and Remove only
/// take effect in <see cref="SaveChangesAsync"/>, and <see cref="GetMembersAsync"/> answers from committed
/// membership as a database query would. Thread-safe, so that concurrent services can share one.
/// </summary>
internal sealed class InMemoryCallStore : ICallStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Participant> _participants = new(StringComparer.Ordinal);
    private readonly List<object> _added = [];
    private readonly List<object> _removed = [];
    private readonly Dictionary<string, string?> _committedSessionOf = new(StringComparer.Ordinal);

    /// <summary>How many times a service committed.</summary>
    public int SaveCount { get; private set; }

    /// <summary>Runs inside <see cref="GetMembersAsync"/> after it has read, to hold a race window open in tests.</summary>
    public Func<Task>? AfterGetMembers { get; set; }

    public IReadOnlyCollection<Session> Sessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Values.ToList();
            }
        }
    }

    public IReadOnlyCollection<Participant> Participants
    {
        get
        {
            lock (_gate)
            {
                return _participants.Values.ToList();
            }
        }
    }

    /// <summary>Puts an entity in the committed state directly, without counting a save.</summary>
    public T Seed<T>(T entity)
        where T : class
    {
        lock (_gate)
        {
            Commit(entity, add: true);
        }

        return entity;
    }

    public Task<Account?> FindAccountAsync(string accountId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_accounts.GetValueOrDefault(accountId));
        }
    }

    public Task<Session?> FindSessionAsync(string accountId, string sessionId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var session = _sessions.GetValueOrDefault(sessionId);
            return Task.FromResult(session?.AccountId == accountId ? session : null);
        }
    }

    public Task<Participant?> FindParticipantAsync(string accountId, string participantId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var participant = _participants.GetValueOrDefault(participantId);
            return Task.FromResult(participant?.AccountId == accountId ? participant : null);
        }
    }

    public Task<Participant?> FindParticipantAsync(string participantId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_participants.GetValueOrDefault(participantId));
        }
    }

    public async Task<IReadOnlyList<Participant>> GetMembersAsync(string sessionId, CancellationToken ct = default)
    {
        List<Participant> members;
        lock (_gate)
        {
            members = _participants.Values
                .Where(p => _committedSessionOf.GetValueOrDefault(p.Id) == sessionId)
                .OrderBy(p => p.Id, StringComparer.Ordinal)
                .ToList();
        }

        if (AfterGetMembers is { } hook)
        {
            await hook();
        }

        return members;
    }

    public void Add(Account account) => Stage(_added, account);

    public void Add(Session session) => Stage(_added, session);

    public void Add(Participant participant) => Stage(_added, participant);

    public void Remove(Session session) => Stage(_removed, session);

    public void Remove(Participant participant) => Stage(_removed, participant);

    public Task SaveChangesAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var entity in _added)
            {
                Commit(entity, add: true);
            }

            foreach (var entity in _removed)
            {
                Commit(entity, add: false);
            }

            _added.Clear();
            _removed.Clear();
            foreach (var participant in _participants.Values)
            {
                _committedSessionOf[participant.Id] = participant.SessionId;
            }

            SaveCount++;
        }

        return Task.CompletedTask;
    }

    /// <summary>The whole committed state as text, to prove that a refused request changed nothing.</summary>
    public string Snapshot()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            foreach (var s in _sessions.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
            {
                text.AppendLine($"session {s.Id} {s.AccountId} tag={s.Tag} mode={s.Mode}");
            }

            foreach (var p in _participants.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                var subscriptions = string.Join(
                    ";", p.Subscriptions.Participants.Select(e => $"{e.ParticipantId}[{string.Join(',', e.StreamAliases)}]"));
                text.AppendLine($"participant {p.Id} {p.AccountId} session={p.SessionId} joined={p.JoinedAt:O} subs={p.Subscriptions.SessionId}|{subscriptions}");
            }

            text.AppendLine($"pending +{_added.Count} -{_removed.Count}");
            return text.ToString();
        }
    }

    private void Stage(List<object> list, object entity)
    {
        lock (_gate)
        {
            list.Add(entity);
        }
    }

    private void Commit(object entity, bool add)
    {
        switch (entity)
        {
            case Account a when add:
                _accounts[a.Id] = a;
                break;
            case Session s when add:
                _sessions[s.Id] = s;
                break;
            case Session s:
                _sessions.Remove(s.Id);
                break;
            case Participant p when add:
                _participants[p.Id] = p;
                _committedSessionOf[p.Id] = p.SessionId;
                break;
            case Participant p:
                _participants.Remove(p.Id);
                _committedSessionOf.Remove(p.Id);
                break;
            default:
                throw new NotSupportedException(entity.GetType().Name);
        }
    }
}
