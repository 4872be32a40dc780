using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Queue;

/// <summary>
/// Writes the call center's changed calls and agents through to the <see cref="ICallCenterStore"/>. Changes are marked
/// under the call center's state lock; <see cref="FlushAsync"/> takes a picture of the marked rows as they are now
/// and writes it. Writes run one at a time and each writes the latest state, so a slow write can never overwrite a
/// newer one. A write that fails is marked again and retried by the next flush.
/// </summary>
internal sealed class CallCenterJournal : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ICallCenterStore _store;
    private readonly object _state;
    private readonly Dictionary<string, LiveCall> _calls;
    private readonly CallQueue _queue;
    private readonly ILogger _logger;
    private HashSet<string> _dirtyCalls = new(StringComparer.Ordinal);
    private HashSet<string> _dirtyAgents = new(StringComparer.Ordinal);

    public CallCenterJournal(ICallCenterStore store, object state, Dictionary<string, LiveCall> calls, CallQueue queue, ILogger logger)
    {
        _store = store;
        _state = state;
        _calls = calls;
        _queue = queue;
        _logger = logger;
    }

    public ICallCenterStore Store => _store;

    /// <summary>Inside the state lock.</summary>
    public void MarkCall(string callId) => _dirtyCalls.Add(callId);

    /// <summary>Inside the state lock.</summary>
    public void MarkAgent(string agentId) => _dirtyAgents.Add(agentId);

    public async Task FlushAsync()
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        HashSet<string> callIds;
        HashSet<string> agentIds;
        List<StoredCall> calls;
        List<StoredAgent> agents;
        try
        {
            lock (_state)
            {
                if (_dirtyCalls.Count == 0 && _dirtyAgents.Count == 0)
                {
                    return;
                }

                (callIds, _dirtyCalls) = (_dirtyCalls, new HashSet<string>(StringComparer.Ordinal));
                (agentIds, _dirtyAgents) = (_dirtyAgents, new HashSet<string>(StringComparer.Ordinal));
                calls = [];
                foreach (var id in callIds)
                {
                    if (_calls.TryGetValue(id, out var call))
                    {
                        calls.Add(StoredOf(call));
                    }
                }

                agents = [];
                foreach (var id in agentIds)
                {
                    if (_queue.AgentOf(id) is { } agent)
                    {
                        agents.Add(new StoredAgent(agent.AgentId, agent.Status, agent.IdleSince, agent.CallId, agent.WrapUpUntil));
                    }
                }
            }

            try
            {
                await _store.SaveAsync(calls, agents, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                CallCenterLog.JournalFailed(_logger, ex);
                lock (_state)
                {
                    _dirtyCalls.UnionWith(callIds);
                    _dirtyAgents.UnionWith(agentIds);
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The call as stored, its place in line and offer from the queue. Inside the state lock.</summary>
    private StoredCall StoredOf(LiveCall call)
    {
        QueuedCallState? waiting = null;
        if (!call.IsEnded && call.ConnectedAt is null)
        {
            foreach (var w in _queue.Waiting)
            {
                if (w.CallId == call.CallId)
                {
                    waiting = w;
                    break;
                }
            }
        }

        var members = new List<StoredCallMember>(call.Agents.Count + call.Supervisors.Count);
        members.AddRange(call.Agents.Select(a => new StoredCallMember(a.ParticipantId, a.UserId, a.Name, IsSupervisor: false)));
        members.AddRange(call.Supervisors.Select(s => new StoredCallMember(s.ParticipantId, s.UserId, s.Name, IsSupervisor: true)));
        return new StoredCall(
            call.CallId,
            call.CustomerParticipantId,
            call.CustomerName,
            call.CustomerTag,
            call.WaitingSince,
            waiting?.Sequence,
            waiting?.Offer,
            waiting?.DeclinedBy ?? new Dictionary<string, DateTimeOffset>(),
            call.ConnectedAt,
            call.EndedAt,
            call.Whispered.ToList(),
            members,
            call.CustomerResumeHash,
            call.CallerKey);
    }
}
