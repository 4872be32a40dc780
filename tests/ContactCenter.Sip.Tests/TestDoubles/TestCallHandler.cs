using System.Collections.Concurrent;
using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Sip.Tests.TestDoubles;

/// <summary>
/// Stands in for the host: token "good-token" joins as participant "p-1", any other token is 403, trunk
/// calls become "customer" unless the queue is full. Records everything it is told.
/// </summary>
internal sealed class TestCallHandler : ISipCallHandler
{
    public const string GoodToken = "good-token";

    public bool QueueFull { get; set; }
    public bool Throw { get; set; }
    public TimeSpan DecisionDelay { get; set; }
    public ConcurrentQueue<SipInviteContext> Invites { get; } = new();
    public ConcurrentQueue<SipCall> Established { get; } = new();
    public ConcurrentQueue<(SipCall Call, SipCallEndReason Reason)> Ended { get; } = new();
    public ConcurrentQueue<char> Digits { get; } = new();
    public ConcurrentQueue<bool> HoldChanges { get; } = new();
    public int CancelledDecisions;

    public async Task<SipInviteDecision> OnInviteAsync(SipInviteContext context, CancellationToken cancellationToken)
    {
        Invites.Enqueue(context);
        if (Throw)
        {
            throw new InvalidOperationException("host failure");
        }
        if (DecisionDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(DecisionDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref CancelledDecisions);
                throw;
            }
        }
        if (context.Token is not null)
        {
            return context.Token == GoodToken ? SipInviteDecision.Accept("p-1", "s-1") : SipInviteDecision.Forbidden();
        }
        return QueueFull ? SipInviteDecision.QueueFull() : SipInviteDecision.Accept("customer", "s-new");
    }

    public void OnCallEstablished(SipCall call) => Established.Enqueue(call);

    public void OnHoldChanged(SipCall call, bool onHold) => HoldChanges.Enqueue(onHold);

    public void OnDtmf(SipCall call, char digit, int durationSamples) => Digits.Enqueue(digit);

    public void OnCallEnded(SipCall call, SipCallEndReason reason) => Ended.Enqueue((call, reason));
}
