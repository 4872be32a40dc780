using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>A subscribe connection over a real <see cref="PeerConnection"/> (the server offers, DTLS role by the answer).</summary>
internal sealed class PeerSubscribeConnection(PeerConnection peer) : ISubscribeConnection
{
    public PeerConnection Peer { get; } = peer;

    public bool IsConnected => Peer.State == PeerConnectionState.Connected;

    public string CreateOffer(IReadOnlyList<OutgoingLine> lines) => Peer.CreateSubscribeOffer(lines);

    public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp) => Peer.ApplySubscribeAnswer(answerSdp);

    public bool SendRtp(ReadOnlySpan<byte> packet) => Peer.SendRtp(packet);

    public bool SendRtcp(ReadOnlySpan<byte> packet) => Peer.SendRtcp(packet);

    public void RestartIce() => Peer.RestartIce();

    public void Close(string reason) => Peer.Close(reason);
}
