namespace ContactCenter.Media.Peers;

/// <summary>
/// Receives a peer's decrypted media on the transport's receive loop. The span is the receive buffer: valid
/// only during the call, writable (rewrite headers in place), and must not be kept. Implementations must not
/// block; they may call <see cref="PeerConnection.SendRtp"/> on any peer.
/// </summary>
public interface IRtpSink
{
    /// <summary>One RTP packet (header and payload, SRTP removed).</summary>
    void OnRtp(PeerConnection from, Span<byte> packet);

    /// <summary>One RTCP compound packet (SRTCP removed).</summary>
    void OnRtcp(PeerConnection from, Span<byte> packet);
}
