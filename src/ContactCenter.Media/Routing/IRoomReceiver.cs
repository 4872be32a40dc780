using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// How a room member receives the tracks its edges name: a browser through its <see cref="SubscribeNegotiator"/>
/// (offer/answer first, paused until answered), a phone leg through a <see cref="DirectReceiver"/> (no SDP).
/// Both methods are called under the member's room's lock and must not block or call back into the room.
/// </summary>
internal interface IRoomReceiver
{
    /// <summary>Binds exactly the <paramref name="wanted"/> tracks; true when an offer must be sent afterwards.</summary>
    bool Rebind(HashSet<PublishedTrack> wanted);

    /// <summary>Where and how <paramref name="track"/> is forwarded to this member now; false while it must not be.</summary>
    bool TryGetTarget(PublishedTrack track, out uint ssrc, out IReadOnlyList<NegotiatedCodec> codecs, out IMediaEndpoint? endpoint);
}
