namespace ContactCenter.Web.Signaling;

internal static partial class SignalingLog
{
    [LoggerMessage(1, LogLevel.Information, "Signaling refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Information, "Participant {ParticipantId} connected signaling (session {SessionId})")]
    public static partial void Connected(ILogger logger, string participantId, string? sessionId);

    [LoggerMessage(3, LogLevel.Warning, "Could not deliver a signaling event to participant {ParticipantId}")]
    public static partial void DeliveryFailed(ILogger logger, string participantId, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "Participant {ParticipantId} request refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string participantId, string reason);
}
