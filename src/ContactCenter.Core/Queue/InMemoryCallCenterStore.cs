namespace ContactCenter.Core.Queue;

/// <summary>An <see cref="ICallCenterStore"/> in memory: tests, and hosts without a database.</summary>
public sealed class InMemoryCallCenterStore : ICallCenterStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredAgent> _agents = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    public Task<IReadOnlyList<StoredCall>> LoadLiveCallsAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredCall>>(_calls.Values.Where(c => c.EndedAt is null).ToList());
        }
    }

    public Task<IReadOnlyList<StoredAgent>> LoadAgentsAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredAgent>>(_agents.Values.ToList());
        }
    }

    public Task SaveAsync(IReadOnlyList<StoredCall> calls, IReadOnlyList<StoredAgent> agents, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Saves++;
            foreach (var call in calls)
            {
                _calls[call.CallId] = call;
            }

            foreach (var agent in agents)
            {
                _agents[agent.UserId] = agent;
            }
        }

        return Task.CompletedTask;
    }
}
