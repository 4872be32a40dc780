using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Peers;

/// <summary>Peers on a transport: the transport knows only <see cref="IDatagramEndpoint"/>s, so creating and finding peers lives here.</summary>
public static class PeerTransportExtensions
{
    /// <summary>Creates a peer whose STUN checks <paramref name="transport"/> will route to it by its local ufrag.</summary>
    public static PeerConnection CreatePeer(this UdpMediaTransport transport, PeerConnectionOptions? options = null) =>
        PeerConnection.Create(transport, options ?? new PeerConnectionOptions());

    /// <summary>A live peer by its id (its first local ufrag).</summary>
    public static bool TryGetPeer(
        this UdpMediaTransport transport, string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PeerConnection? peer)
    {
        peer = transport.TryGetEndpoint(id, out var endpoint) ? endpoint as PeerConnection : null;
        return peer is not null;
    }
}
