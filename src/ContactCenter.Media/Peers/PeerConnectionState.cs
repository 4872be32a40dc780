namespace ContactCenter.Media.Peers;

/// <summary>Lifecycle of a server-side peer connection.</summary>
public enum PeerConnectionState
{
    /// <summary>Created; no valid ICE check yet.</summary>
    New,

    /// <summary>ICE check succeeded; DTLS handshake in progress.</summary>
    Connecting,

    /// <summary>DTLS finished: SRTP keys are installed and media flows.</summary>
    Connected,

    /// <summary>Closed for good (consent expiry, DTLS failure, or by the owner). <see cref="PeerConnection.CloseReason"/> says why.</summary>
    Closed,
}
