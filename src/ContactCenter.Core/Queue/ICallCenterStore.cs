namespace ContactCenter.Core.Queue;

/// <summary>
/// Where the call center's state lives: the calls (waiting, offered, connected, ended) with their staff members, and
/// the agents' states. The database is the one owner of that state; <see cref="CallCenter"/> is a projection of it,
/// loaded at start-up and written through after every change. The call's mode is the session's (see
/// <see cref="Domain.Session.Mode"/>), not stored twice. A singleton: each call is one short unit of work.
/// </summary>
public interface ICallCenterStore
{
    /// <summary>The calls that have not ended, with their members.</summary>
    Task<IReadOnlyList<StoredCall>> LoadLiveCallsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<StoredAgent>> LoadAgentsAsync(CancellationToken ct = default);

    /// <summary>Inserts or replaces the given calls (members included) and agents, in one transaction.</summary>
    Task SaveAsync(IReadOnlyList<StoredCall> calls, IReadOnlyList<StoredAgent> agents, CancellationToken ct = default);
}
