namespace ContactCenter.Sip.Transactions;

/// <summary>States of the RFC 3261 §17 machines (and "Accepted" from RFC 6026 §7.1).</summary>
public enum SipTransactionState
{
    Trying,
    Proceeding,
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}
