namespace ContactCenter.Web.Bandwidth;

internal static partial class BandwidthLog
{
    [LoggerMessage(1, LogLevel.Information, "Bandwidth device refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Information, "Bandwidth device {DeviceId} of participant {ParticipantId} connected (client {Client}, SDK {SdkVersion})")]
    public static partial void Connected(ILogger logger, string deviceId, string participantId, string? client, string? sdkVersion);

    [LoggerMessage(3, LogLevel.Debug, "Bandwidth device {ParticipantId}: JSON-RPC error {Code} for {Method}: {Message}")]
    public static partial void RpcError(ILogger logger, string participantId, string? method, int code, string message);

    [LoggerMessage(4, LogLevel.Information, "Bandwidth device {ParticipantId} closed ({Reason})")]
    public static partial void Closed(ILogger logger, string participantId, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Webhook {Event} for participant {ParticipantId} to {Url}: attempt {Attempt} failed ({Reason})")]
    public static partial void WebhookAttemptFailed(ILogger logger, string @event, string participantId, string url, int attempt, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Webhook {Event} for participant {ParticipantId} to {Url} given up after {Attempts} attempts")]
    public static partial void WebhookGaveUp(ILogger logger, string @event, string participantId, string url, int attempts);

    [LoggerMessage(7, LogLevel.Warning, "Webhook queue full: {Event} for participant {ParticipantId} dropped")]
    public static partial void WebhookDropped(ILogger logger, string @event, string participantId);

    [LoggerMessage(9, LogLevel.Information, "Bandwidth device message over {MaxBytes} bytes: socket closed with 1009")]
    public static partial void MessageTooBig(ILogger logger, int maxBytes);

    [LoggerMessage(8, LogLevel.Error, "Bandwidth device {ParticipantId}: method {Method} failed")]
    public static partial void RpcFailed(ILogger logger, string participantId, string method, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Bandwidth v2 device {ParticipantId}: the subscribe update of revision {SdpRevision} was refused: {Reason}")]
    public static partial void V2AnswerRefused(ILogger logger, string participantId, int sdpRevision, string reason);
}
