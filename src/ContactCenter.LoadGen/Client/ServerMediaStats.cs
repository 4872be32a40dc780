namespace ContactCenter.LoadGen.Client;

/// <summary>The server's transport counters as <c>GET /v1/media/stats</c> answers them (totals since it started).</summary>
internal sealed record ServerMediaStats(
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
    long ReceiveCalls = 0,
    long BatchedSendCalls = 0,
    long ProcessAllocatedBytes = 0,
    int Gen0Collections = 0,
    int Gen2Collections = 0);
