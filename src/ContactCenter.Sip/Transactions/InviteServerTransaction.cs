using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// INVITE server transaction (RFC 3261 §17.2.1, Figure 7, with the RFC 6026 Accepted state).
/// The final response is retransmitted over UDP on Timer G (T1 doubling up to T2) until the ACK
/// arrives or Timer H (64*T1) fires. For a 2xx the ACK is a separate transaction (new branch), so the
/// UAS core hands it over with <see cref="OnAck"/>; retransmitting the 2xx here is the core's duty of
/// RFC 3261 §13.3.1.4, kept beside the non-2xx one because the timing is the same.
/// </summary>
internal sealed class InviteServerTransaction : SipServerTransaction
{
    private ITimer? _timerG;
    private ITimer? _timerH;
    private ITimer? _timerI;
    private ITimer? _timerTrying;
    private TimeSpan _interval;

    public InviteServerTransaction(string key, SipMessage request, ISipFlow flow, TimeProvider time, SipTimerOptions timers)
        : base(key, request, flow, time, timers)
    {
        State = SipTransactionState.Proceeding;
    }

    /// <summary>Timer H fired without an ACK (RFC 3261 §17.2.1; for a 2xx, §13.3.1.4 says end the dialog with BYE).</summary>
    public Action<InviteServerTransaction>? AckTimedOut { get; set; }

    public bool IsAcked { get; private set; }

    /// <summary>
    /// The To-tag for every response of this INVITE and of a CANCEL for it (RFC 3261 §9.2 asks for the same
    /// tag on both), set by the UAS core when the transaction is created.
    /// </summary>
    public string? LocalTag { get; init; }

    /// <summary>Sends 100 Trying at once, so the client stops retransmitting (RFC 3261 §17.2.1).</summary>
    public void SendTrying()
    {
        lock (_lock)
        {
            if (State == SipTransactionState.Proceeding && LastStatusCode == 0)
            {
                Transmit(Request.CreateResponseTo(100, "Trying"));
            }
        }
    }

    /// <summary>Sends 100 Trying after <see cref="SipTimerOptions.TryingDelay"/> unless a response went out first.</summary>
    public void ScheduleTrying()
    {
        lock (_lock)
        {
            _timerTrying ??= StartTimer(SendTrying, _timers.TryingDelay);
        }
    }

    public override void SendResponse(SipMessage response) => SendResponse(response, retransmit: true);

    /// <summary>
    /// Sends a response. With <paramref name="retransmit"/> false a final non-2xx goes out once, with no Timer G,
    /// and the transaction only lingers for T4 to answer a retransmitted INVITE once more: used for refusals of
    /// forged or malformed INVITEs, so that a flood of them is never amplified (each request gets one response).
    /// </summary>
    public void SendResponse(SipMessage response, bool retransmit)
    {
        lock (_lock)
        {
            if (State != SipTransactionState.Proceeding)
            {
                return;
            }
            Transmit(response);
            if (response.StatusCode < 200)
            {
                return;
            }
            _timerTrying?.Dispose();
            if (!retransmit && response.StatusCode >= 300)
            {
                State = SipTransactionState.Completed;
                _timerH = StartTimer(() => { lock (_lock) { Terminate(); } }, _timers.T4);
                return;
            }
            State = response.StatusCode < 300 ? SipTransactionState.Accepted : SipTransactionState.Completed;
            if (!Flow.IsReliable || State == SipTransactionState.Accepted)
            {
                // Over TCP only the 2xx is re-sent by the core (RFC 3261 §13.3.1.4): the hop is reliable but the
                // ACK is end-to-end. Non-2xx needs no Timer G on a reliable transport.
                _interval = _timers.T1;
                _timerG = StartTimer(OnTimerG, _interval);
            }
            _timerH = StartTimer(OnTimerH, _timers.TransactionTimeout);
        }
    }

    public override void OnRequestRetransmission()
    {
        lock (_lock)
        {
            if (State == SipTransactionState.Proceeding && LastStatusCode == 0)
            {
                // The client is retransmitting before our first response: it is time for the 100 (RFC 3261 §17.2.1).
                Transmit(Request.CreateResponseTo(100, "Trying"));
            }
            else if (State is SipTransactionState.Proceeding or SipTransactionState.Completed or SipTransactionState.Accepted)
            {
                Resend();
            }
        }
    }

    /// <summary>ACK matched this transaction (non-2xx, same branch) or its dialog (2xx).</summary>
    public void OnAck()
    {
        lock (_lock)
        {
            if (State is not (SipTransactionState.Completed or SipTransactionState.Accepted))
            {
                return;
            }
            IsAcked = true;
            _timerG?.Dispose();
            _timerH?.Dispose();
            var wasAccepted = State == SipTransactionState.Accepted;
            State = SipTransactionState.Confirmed;
            // Timer I absorbs ACK retransmissions (T4 over UDP, zero over TCP); after a 2xx, RFC 6026 Timer L
            // keeps the transaction to absorb late INVITE retransmissions.
            var linger = wasAccepted ? _timers.TransactionTimeout : Flow.IsReliable ? TimeSpan.Zero : _timers.T4;
            if (linger == TimeSpan.Zero)
            {
                Terminate();
            }
            else
            {
                _timerI = StartTimer(() => { lock (_lock) { Terminate(); } }, linger);
            }
        }
    }

    private void OnTimerG()
    {
        lock (_lock)
        {
            if (State is not (SipTransactionState.Completed or SipTransactionState.Accepted))
            {
                return;
            }
            Resend();
            _interval = _interval * 2 < _timers.T2 ? _interval * 2 : _timers.T2;
            _timerG?.Dispose();
            _timerG = StartTimer(OnTimerG, _interval);
        }
    }

    private void OnTimerH()
    {
        lock (_lock)
        {
            if (State is not (SipTransactionState.Completed or SipTransactionState.Accepted))
            {
                return;
            }
            Terminate();
        }
        AckTimedOut?.Invoke(this);
    }

    /// <summary>The UAS core gives up (e.g. shutdown).</summary>
    public void Abandon()
    {
        lock (_lock)
        {
            Terminate();
        }
    }

    protected override void DisposeTimers()
    {
        _timerTrying?.Dispose();
        _timerG?.Dispose();
        _timerH?.Dispose();
        _timerI?.Dispose();
    }
}
