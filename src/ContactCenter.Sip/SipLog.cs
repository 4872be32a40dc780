using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Sip;

internal static partial class SipLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "SIP listening on udp/tcp {EndPoint}")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Unparseable SIP message from {Remote} over {Transport}: {Error}")]
    public static partial void ParseFailed(ILogger logger, IPEndPoint remote, string transport, string? error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "INVITE {CallId} from {Remote} answered {StatusCode} {Reason}")]
    public static partial void InviteRejected(ILogger logger, string? callId, IPEndPoint remote, int statusCode, string reason);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Call {CallId} accepted as leg {LegId} ({Codec}, RTP port {Port})")]
    public static partial void CallAccepted(ILogger logger, string callId, string legId, Sdp.G711Codec codec, int port);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Call {CallId} ended: {Reason}")]
    public static partial void CallEnded(ILogger logger, string callId, UserAgent.SipCallEndReason reason);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "SIP handler failed for {CallId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? callId);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "SIP transport error on {Transport}: {Error}")]
    public static partial void TransportError(ILogger logger, string transport, SocketError error);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Debug, Message = "RTP send failed on leg {LegId}: {Error}")]
    public static partial void RtpSendFailed(ILogger logger, string legId, SocketError error);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "RTP receive failed on leg {LegId}: {Error}")]
    public static partial void RtpReceiveFailed(ILogger logger, string legId, SocketError error);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "Media tick failed for leg {LegId}")]
    public static partial void TickFailed(ILogger logger, Exception exception, string legId);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Error, Message = "Unexpected error while handling a SIP message from {Remote}")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, IPEndPoint remote);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Debug, Message = "INVITE {CallId} from {Remote} over the rate limit (answered 503: {Answered})")]
    public static partial void InviteRateLimited(ILogger logger, string? callId, IPEndPoint remote, bool answered);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Debug, Message = "SIP TCP connection from {Remote} refused: {Limit} connection limit")]
    public static partial void TcpRefused(ILogger logger, IPEndPoint remote, string limit);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Debug, Message = "SIP TCP connection from {Remote} dropped: {Reason}")]
    public static partial void TcpDropped(ILogger logger, IPEndPoint remote, string reason);
}
