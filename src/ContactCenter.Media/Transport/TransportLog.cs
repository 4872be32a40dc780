using System.Net;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Transport;

internal static partial class TransportLog
{
    [LoggerMessage(1, LogLevel.Information, "Media UDP transport listening on {LocalEndPoint}, announcing {Announced}")]
    public static partial void Listening(ILogger logger, IPEndPoint localEndPoint, string announced);

    [LoggerMessage(2, LogLevel.Warning, "Media packet handler failed for a {Kind} datagram")]
    public static partial void HandlerFailed(ILogger logger, MediaPacketKind kind, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "Media receive loop error")]
    public static partial void ReceiveError(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "DTLS warm-up took {Elapsed}")]
    public static partial void WarmedUp(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(5, LogLevel.Warning, "DTLS warm-up failed")]
    public static partial void WarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "STUN check from {Remote}: {Outcome}")]
    public static partial void StunCheck(ILogger logger, IPEndPoint remote, Ice.IceCheckOutcome outcome);

    [LoggerMessage(7, LogLevel.Information, "Peer {PeerId} consent expired after {Timeout}")]
    public static partial void ConsentExpired(ILogger logger, string peerId, TimeSpan timeout);

    [LoggerMessage(8, LogLevel.Warning, "Media send to {Remote} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, IPEndPoint remote, string error);
}
