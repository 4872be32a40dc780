using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Peers;

internal static partial class PeerLog
{
    [LoggerMessage(100, LogLevel.Information, "Peer {PeerId} closed: {Reason}")]
    public static partial void Closed(ILogger logger, string peerId, string reason);

    [LoggerMessage(101, LogLevel.Information, "Peer {PeerId} ICE check succeeded from {Remote}")]
    public static partial void IceConnected(ILogger logger, string peerId, string remote);

    [LoggerMessage(102, LogLevel.Information, "Peer {PeerId} DTLS {Role} handshake done in {ElapsedMs} ms, SRTP {Profile}; {SinceCreatedMs} ms since the peer was created")]
    public static partial void DtlsConnected(
        ILogger logger, string peerId, Dtls.DtlsRole role, double elapsedMs, Srtp.SrtpProfile profile, double sinceCreatedMs);

    [LoggerMessage(103, LogLevel.Warning, "Peer {PeerId} DTLS handshake failed")]
    public static partial void DtlsFailed(ILogger logger, string peerId, Exception exception);

    [LoggerMessage(104, LogLevel.Debug, "Peer {PeerId} dropped an SRTP packet that did not authenticate")]
    public static partial void UnprotectFailed(ILogger logger, string peerId);

    [LoggerMessage(105, LogLevel.Information, "Peer {PeerId} ICE restart: new local ufrag {NewUfrag} offered, {OldUfrag} accepted until the answer")]
    public static partial void IceRestarted(ILogger logger, string peerId, string oldUfrag, string newUfrag);
}
