using ContactCenter.Core.Queue;

namespace ContactCenter.Core.Desks;

/// <summary>
/// Since when each agent is in its current state (for the supervisor's roster): follows the call center's changes
/// and notes the moment an agent's state differs from the last one seen. In memory: after a restart the times count
/// from the start. <see cref="Start"/> subscribes (the host calls it at start-up).
/// </summary>
public sealed class AgentStateClock : IDisposable
{
    private readonly CallCenter _center;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (AgentStatus Status, DateTimeOffset Since)> _seen = new(StringComparer.Ordinal);
    private IDisposable? _subscription;

    public AgentStateClock(CallCenter center, TimeProvider time)
    {
        _center = center;
        _time = time;
    }

    public void Start()
    {
        Observe();
        _subscription ??= _center.Subscribe(() =>
        {
            Observe();
            return Task.CompletedTask;
        });
    }

    /// <summary>Every agent the call center knows, with its state and since when.</summary>
    public IReadOnlyDictionary<string, (AgentStatus Status, DateTimeOffset Since)> Snapshot()
    {
        Observe();
        lock (_seen)
        {
            return new Dictionary<string, (AgentStatus, DateTimeOffset)>(_seen, StringComparer.Ordinal);
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private void Observe()
    {
        var now = _time.GetUtcNow();
        var states = _center.AgentStates;
        lock (_seen)
        {
            foreach (var agent in states)
            {
                if (!_seen.TryGetValue(agent.UserId, out var seen) || seen.Status != agent.Status)
                {
                    _seen[agent.UserId] = (agent.Status, now);
                }
            }
        }
    }
}
