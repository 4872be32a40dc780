using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// Non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6), used for the BYE we send.
/// Timer E retransmits over UDP (T1 doubling to T2, or T2 once a provisional arrived); Timer F (64*T1)
/// ends it with a timeout; Timer K (T4 over UDP) absorbs response retransmissions.
/// </summary>
internal sealed class NonInviteClientTransaction
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly SipTimerOptions _timers;
    private readonly TaskCompletionSource<SipMessage?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _requestBytes = [];
    private ITimer? _timerE;
    private ITimer? _timerF;
    private ITimer? _timerK;
    private TimeSpan _interval;

    public NonInviteClientTransaction(string key, SipMessage request, ISipFlow flow, TimeProvider time, SipTimerOptions timers)
    {
        Key = key;
        Request = request;
        Flow = flow;
        _time = time;
        _timers = timers;
    }

    public string Key { get; }
    public SipMessage Request { get; }
    public ISipFlow Flow { get; }
    public SipTransactionState State { get; private set; } = SipTransactionState.Trying;
    public Action<NonInviteClientTransaction>? Terminated { get; set; }

    /// <summary>The final response, or null when Timer F fired (treat as 408, RFC 3261 §8.1.3.1).</summary>
    public Task<SipMessage?> Completion => _completion.Task;

    public void Start()
    {
        lock (_lock)
        {
            _requestBytes = SipSerializer.Serialize(Request);
            Flow.Send(_requestBytes);
            if (!Flow.IsReliable)
            {
                _interval = _timers.T1;
                _timerE = Start(OnTimerE, _interval);
            }
            _timerF = Start(OnTimerF, _timers.TransactionTimeout);
        }
    }

    public void OnResponse(SipMessage response)
    {
        lock (_lock)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }
            if (response.StatusCode < 200)
            {
                State = SipTransactionState.Proceeding;
                return;
            }
            State = SipTransactionState.Completed;
            _timerE?.Dispose();
            _timerF?.Dispose();
            _completion.TrySetResult(response);
            if (Flow.IsReliable)
            {
                Terminate();
            }
            else
            {
                _timerK = Start(() => { lock (_lock) { Terminate(); } }, _timers.T4);
            }
        }
    }

    private void OnTimerE()
    {
        lock (_lock)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }
            Flow.Send(_requestBytes);
            _interval = State == SipTransactionState.Proceeding || _interval * 2 >= _timers.T2 ? _timers.T2 : _interval * 2;
            _timerE?.Dispose();
            _timerE = Start(OnTimerE, _interval);
        }
    }

    private void OnTimerF()
    {
        lock (_lock)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }
            _completion.TrySetResult(null);
            Terminate();
        }
    }

    private void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }
        State = SipTransactionState.Terminated;
        _timerE?.Dispose();
        _timerF?.Dispose();
        _timerK?.Dispose();
        _completion.TrySetResult(null);
        Terminated?.Invoke(this);
    }

    private ITimer Start(Action callback, TimeSpan due) =>
        _time.CreateTimer(static s => ((Action)s!)(), callback, due, Timeout.InfiniteTimeSpan);
}
