using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Core.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Queue;

/// <summary>
/// The live call center: the queue of web and phone callers, the agents' desks, and the supervisors' actions on live
/// calls. A singleton projection of the database (<see cref="ICallCenterStore"/> and the sessions): rebuilt from it at
/// start-up (<see cref="RestoreAsync"/>), written through after every change, and kept in step with changes made
/// elsewhere (the REST API) through <see cref="CallEvents"/>. Operations on one call run one at a time
/// (<see cref="CallGates"/>); operations on different calls never wait for each other. Callers are in
/// CallCenter.Callers.cs, agents in CallCenter.Agents.cs, supervisors in CallCenter.Supervisors.cs, start-up, presence
/// and outside events in CallCenter.Lifecycle.cs.
/// </summary>
public sealed partial class CallCenter : IDisposable
{
    private static readonly PublishPermission[] s_audioOnly = [PublishPermission.Audio];
    private static readonly PublishPermission[] s_audioVideo = [PublishPermission.Audio, PublishPermission.Video];

    private readonly CallGates _gates = new();
    private readonly object _state = new();
    private readonly CallQueue _queue;
    private readonly Dictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);
    private readonly List<Func<Task>> _listeners = [];
    private readonly ICallScopeFactory _scopes;
    private readonly IUsageLog _usage;
    private readonly CallCenterJournal _journal;
    private readonly CallEvents? _events;
    private readonly TimeProvider _time;
    private readonly CallCenterOptions _options;
    private readonly ILogger<CallCenter> _logger;

    public CallCenter(
        ICallScopeFactory scopes,
        IUsageLog usage,
        TimeProvider time,
        IOptions<CallCenterOptions> options,
        ILogger<CallCenter> logger,
        ICallCenterStore? store = null,
        CallEvents? events = null)
    {
        _scopes = scopes;
        _usage = usage;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _queue = new CallQueue(
            TimeSpan.FromSeconds(_options.OfferTimeoutSeconds),
            TimeSpan.FromSeconds(_options.DeclineCooldownSeconds),
            TimeSpan.FromSeconds(_options.WrapUpSeconds));
        _journal = new CallCenterJournal(store ?? new InMemoryCallCenterStore(), _state, _calls, _queue, logger);
        _events = events;
        if (_events is not null)
        {
            _events.ModeChanged += OnModeChanged;
            _events.MembershipChanged += OnMembershipChanged;
        }
    }

    public string AccountId => _options.AccountId;

    /// <summary>The calls not yet ended, longest-waiting first.</summary>
    public IReadOnlyList<LiveCallView> ActiveCalls
    {
        get
        {
            lock (_state)
            {
                return _calls.Values.Where(c => !c.IsEnded).OrderBy(c => c.WaitingSince).Select(ViewOf).ToList();
            }
        }
    }

    /// <summary>Per-call gates in use (for tests: none are left once every operation finished).</summary>
    internal int ActiveGates => _gates.ActiveCount;

    public LiveCallView? GetCall(string callId)
    {
        lock (_state)
        {
            return _calls.TryGetValue(callId, out var call) ? ViewOf(call) : null;
        }
    }

    /// <summary>The customer's view of its call: never anything about supervisors or the mode.</summary>
    public CallerView? GetCallerView(string callId)
    {
        lock (_state)
        {
            if (!_calls.TryGetValue(callId, out var call))
            {
                return null;
            }

            var view = ViewOf(call);
            return new CallerView(callId, view.State, view.Position, call.Agents.FirstOrDefault()?.Name, call.ConnectedAt);
        }
    }

    public AgentDeskView GetAgentDesk(string agentUserId)
    {
        lock (_state)
        {
            var status = _queue.StatusOf(agentUserId) ?? AgentStatus.Away;
            OfferView? offer = null;
            if (_queue.OfferFor(agentUserId) is { } open && _calls.TryGetValue(open.CallId, out var offered))
            {
                offer = new OfferView(open.CallId, offered.CustomerName, offered.CustomerTag, offered.WaitingSince, open.ExpiresAt);
            }

            var call = _calls.Values.FirstOrDefault(c => !c.IsEnded && c.Agents.Any(a => a.UserId == agentUserId));
            var me = call?.Agents.First(a => a.UserId == agentUserId);
            var whispered = call is not null && call.Supervisors.Count > 0 && call.Whispered.Contains(me!.ParticipantId);
            var wrapUpUntil = status == AgentStatus.WrapUp ? _queue.AgentOf(agentUserId)?.WrapUpUntil : null;
            return new AgentDeskView(status, offer, call is null ? null : ViewOf(call), whispered, wrapUpUntil);
        }
    }

    /// <summary>Every agent the call center knows (one that set a status once), with its state as the desk shows it.</summary>
    public IReadOnlyList<AgentStateView> AgentStates
    {
        get
        {
            lock (_state)
            {
                return _queue.AgentIds
                    .Select(id => new AgentStateView(id, _queue.StatusOf(id) ?? AgentStatus.Away, _queue.CallOf(id), _queue.OfferFor(id)?.CallId))
                    .ToList();
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="onChange"/> after every change until the returned subscription is disposed. Listeners run
    /// outside the call center's locks; a page marshals to its renderer with InvokeAsync.
    /// </summary>
    public IDisposable Subscribe(Func<Task> onChange)
    {
        lock (_listeners)
        {
            _listeners.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    public void Dispose()
    {
        if (_events is not null)
        {
            _events.ModeChanged -= OnModeChanged;
            _events.MembershipChanged -= OnMembershipChanged;
        }

        _journal.Dispose();
    }

    private LiveCallView ViewOf(LiveCall call)
    {
        CallState state;
        if (call.IsEnded)
        {
            state = CallState.Ended;
        }
        else if (call.ConnectedAt is not null)
        {
            state = CallState.Connected;
        }
        else
        {
            state = _queue.OfferOf(call.CallId) is null ? CallState.Waiting : CallState.Offered;
        }

        return call.ToView(state, _queue.PositionOf(call.CallId));
    }

    /// <summary>Offers waiting calls to idle agents. Call inside <c>lock (_state)</c>.</summary>
    private bool DispatchLocked()
    {
        var made = _queue.Dispatch(_time.GetUtcNow());
        foreach (var offer in made)
        {
            CallCenterLog.Offered(_logger, offer.CallId, offer.AgentId);
            _journal.MarkCall(offer.CallId);
            _journal.MarkAgent(offer.AgentId);
        }

        return made.Count > 0;
    }

    /// <summary>Marks a waiting call's agent (its offer goes with the call) before the queue forgets the offer. Inside <c>lock (_state)</c>.</summary>
    private void MarkOfferLocked(string callId)
    {
        if (_queue.OfferOf(callId) is { } offer)
        {
            _journal.MarkAgent(offer.AgentId);
        }
    }

    /// <summary>Writes what changed to the store, then tells the pages.</summary>
    private async Task CommitAsync()
    {
        await _journal.FlushAsync();
        Notify();
    }

    private void Notify()
    {
        Func<Task>[] targets;
        lock (_listeners)
        {
            targets = _listeners.ToArray();
        }

        foreach (var target in targets)
        {
            _ = RunListenerAsync(target);
        }
    }

    private async Task RunListenerAsync(Func<Task> listener)
    {
        try
        {
            await listener();
        }
        catch (Exception ex)
        {
            CallCenterLog.ListenerFailed(_logger, ex);
        }
    }

    private void Unsubscribe(Func<Task> onChange)
    {
        lock (_listeners)
        {
            _listeners.Remove(onChange);
        }
    }

    private sealed class Subscription(CallCenter owner, Func<Task> onChange) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onChange);
    }
}
