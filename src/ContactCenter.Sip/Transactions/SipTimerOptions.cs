namespace ContactCenter.Sip.Transactions;

/// <summary>Transaction timer base values (RFC 3261 §17.1.1.1, Table 4).</summary>
public sealed record SipTimerOptions
{
    /// <summary>RTT estimate; default 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses; default 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);
    /// <summary>Maximum time a message remains in the network; default 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a new INVITE may wait for its first response before the transaction sends 100 Trying itself
    /// (RFC 3261 §17.2.1: 200 ms). A quick refusal thus goes out alone: one response per forged INVITE.
    /// </summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>64*T1: Timers B, F, H, J.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;
}
