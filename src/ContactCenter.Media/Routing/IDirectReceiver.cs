using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// A member that receives without any negotiation (a phone leg behind its own SIP leg): it takes a fixed codec set,
/// and the router picks one SSRC per received stream, so the member tells its streams apart by SSRC without
/// allocating. It is also the endpoint the router sends the rewritten plain RTP to.
/// </summary>
internal interface IDirectReceiver : IMediaEndpoint
{
    /// <summary>The codecs it takes, with its payload types (the router rewrites to them).</summary>
    IReadOnlyList<NegotiatedCodec> Codecs { get; }

    bool Accepts(MediaKind kind);

    /// <summary>
    /// Exactly the streams it receives from now on. Called under the room's lock before the tracks' targets are
    /// written (a stream leaves here before its target goes): must not block or call back into the router.
    /// </summary>
    void SetStreams(IReadOnlyList<DirectStream> streams);
}
