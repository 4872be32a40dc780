using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// Where a message goes back to: a UDP socket and remote address, or one TCP connection.
/// Transactions send through it and use <see cref="IsReliable"/> to decide on retransmission timers (RFC 3261 §17).
/// </summary>
internal interface ISipFlow
{
    bool IsReliable { get; }
    string Transport { get; }
    IPEndPoint Remote { get; }
    IPEndPoint Local { get; }
    void Send(ReadOnlySpan<byte> data);
}
