using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>A publish connection as the router's endpoint (for keyframe requests).</summary>
internal sealed class PeerMediaEndpoint(PeerConnection peer) : IMediaEndpoint
{
    public PeerConnection Peer { get; } = peer;

    public bool SendRtp(ReadOnlySpan<byte> packet) => Peer.SendRtp(packet);

    public bool SendRtcp(ReadOnlySpan<byte> packet) => Peer.SendRtcp(packet);
}
