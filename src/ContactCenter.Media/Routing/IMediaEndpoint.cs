namespace ContactCenter.Media.Routing;

/// <summary>
/// Where the router sends plain RTP/RTCP for one connection; the endpoint protects it with its own SRTP context.
/// A seam: production wraps a <see cref="Peers.PeerConnection"/>, tests record what was sent.
/// </summary>
public interface IMediaEndpoint
{
    /// <summary>Protects a copy of <paramref name="packet"/> and sends it; the caller's span is not kept.</summary>
    bool SendRtp(ReadOnlySpan<byte> packet);

    bool SendRtcp(ReadOnlySpan<byte> packet);
}
