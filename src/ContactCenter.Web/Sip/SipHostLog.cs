using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Web.Sip;

internal static partial class SipHostLog
{
    [LoggerMessage(1, LogLevel.Critical, "SIP port {Address}:{Port} is unavailable ({Error}); phones are DISABLED in this process")]
    public static partial void PortUnavailable(ILogger logger, string address, int port, string error, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "SIP disabled by Sip:Enabled=false")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "Phone INVITE {CallId} refused: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string callId, int status, string reason);

    [LoggerMessage(4, LogLevel.Information, "Phone call {CallId} is participant {ParticipantId} in session {SessionId} (trunk: {FromTrunk})")]
    public static partial void Accepted(ILogger logger, string callId, string participantId, string sessionId, bool fromTrunk);

    [LoggerMessage(5, LogLevel.Information, "Phone call {CallId} ended ({Reason}); participant {ParticipantId} leaves session {SessionId}")]
    public static partial void Ended(ILogger logger, string callId, SipCallEndReason reason, string participantId, string sessionId);

    [LoggerMessage(6, LogLevel.Warning, "Phone call {CallId}: cleanup failed: {Message}")]
    public static partial void CleanupFailed(ILogger logger, string callId, string message);

    [LoggerMessage(7, LogLevel.Warning, "Phone call {CallId}: cleanup threw")]
    public static partial void CleanupThrew(ILogger logger, Exception exception, string callId);

    [LoggerMessage(8, LogLevel.Information, "Phone call {CallId}: DTMF {Digit}")]
    public static partial void Dtmf(ILogger logger, string callId, char digit);

    [LoggerMessage(9, LogLevel.Information, "Phone call {CallId}: hold {OnHold}")]
    public static partial void Hold(ILogger logger, string callId, bool onHold);
}
