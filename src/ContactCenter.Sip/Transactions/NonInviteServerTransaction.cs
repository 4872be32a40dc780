using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>Non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8).</summary>
internal sealed class NonInviteServerTransaction : SipServerTransaction
{
    private ITimer? _timerJ;

    public NonInviteServerTransaction(string key, SipMessage request, ISipFlow flow, TimeProvider time, SipTimerOptions timers)
        : base(key, request, flow, time, timers)
    {
        State = SipTransactionState.Trying;
    }

    public override void SendResponse(SipMessage response)
    {
        lock (_lock)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }
            Transmit(response);
            if (response.StatusCode < 200)
            {
                State = SipTransactionState.Proceeding;
                return;
            }
            State = SipTransactionState.Completed;
            // Timer J: 64*T1 over UDP to absorb retransmissions, zero over a reliable transport.
            if (Flow.IsReliable)
            {
                Terminate();
            }
            else
            {
                _timerJ = StartTimer(() => { lock (_lock) { Terminate(); } }, _timers.TransactionTimeout);
            }
        }
    }

    public override void OnRequestRetransmission()
    {
        lock (_lock)
        {
            // In Trying the request is absorbed silently: there is no response to repeat yet.
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed)
            {
                Resend();
            }
        }
    }

    protected override void DisposeTimers() => _timerJ?.Dispose();
}
