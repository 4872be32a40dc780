using ContactCenter.Media.Transport;

namespace ContactCenter.Web.Api.Contracts;

/// <summary>
/// The media socket's counters (<see cref="TransportCounters"/>) and the live peer count, as
/// <c>GET /v1/media/stats</c> answers them. Counters are totals since the server started. The receive and send
/// call counts show the batching (datagrams per receive call); the process's allocated bytes and GC counts let a
/// load run show what the server allocates per forwarded packet.
/// </summary>
public sealed record MediaStatsResponse(
    long Datagrams,
    long Stun,
    long Dtls,
    long Rtp,
    long Rtcp,
    long Dropped,
    long HandlerErrors,
    long SendErrors,
    long SrtpAuthFailures,
    int PeerCount,
    long ReceiveCalls,
    long BatchedSendCalls,
    long ProcessAllocatedBytes,
    int Gen0Collections,
    int Gen2Collections)
{
    public static MediaStatsResponse From(UdpMediaTransport transport)
    {
        var c = transport.Counters;
        return new(c.Datagrams, c.Stun, c.Dtls, c.Rtp, c.Rtcp, c.Dropped, c.HandlerErrors, c.SendErrors, c.SrtpAuthFailures,
            transport.PeerCount, c.ReceiveCalls, c.BatchedSendCalls, GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0), GC.CollectionCount(2));
    }
}
