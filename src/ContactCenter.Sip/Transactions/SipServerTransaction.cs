using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>Common part of the server transactions (RFC 3261 §17.2): last response kept for retransmission.</summary>
internal abstract class SipServerTransaction
{
    protected readonly object _lock = new();
    protected readonly TimeProvider _time;
    protected readonly SipTimerOptions _timers;
    protected byte[]? _lastResponse;

    protected SipServerTransaction(string key, SipMessage request, ISipFlow flow, TimeProvider time, SipTimerOptions timers)
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
    public SipTransactionState State { get; protected set; }
    public int LastStatusCode { get; protected set; }

    /// <summary>Raised once when the machine reaches Terminated, so the table can forget it.</summary>
    public Action<SipServerTransaction>? Terminated { get; set; }

    public abstract void SendResponse(SipMessage response);

    /// <summary>The same request arrived again (RFC 3261 §17.2.1, §17.2.2).</summary>
    public abstract void OnRequestRetransmission();

    protected void Transmit(SipMessage response)
    {
        _lastResponse = SipSerializer.Serialize(response);
        LastStatusCode = response.StatusCode;
        Flow.Send(_lastResponse);
    }

    protected void Resend()
    {
        if (_lastResponse is not null)
        {
            Flow.Send(_lastResponse);
        }
    }

    protected void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }
        State = SipTransactionState.Terminated;
        DisposeTimers();
        Terminated?.Invoke(this);
    }

    protected abstract void DisposeTimers();

    protected ITimer StartTimer(Action callback, TimeSpan due) =>
        _time.CreateTimer(static s => ((Action)s!)(), callback, due, Timeout.InfiniteTimeSpan);
}
