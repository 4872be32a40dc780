using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Routing;

internal static partial class RouterLog
{
    [LoggerMessage(1, LogLevel.Information, "Session {SessionId}: {Count} forwarding edge(s) applied, {Targets} track target(s) live")]
    public static partial void Applied(ILogger logger, string sessionId, int count, int targets);

    [LoggerMessage(2, LogLevel.Debug, "Participant {ParticipantId}: subscribe offer revision {Revision} with {Lines} m-line(s)")]
    public static partial void Offered(ILogger logger, string participantId, int revision, int lines);

    [LoggerMessage(3, LogLevel.Debug, "Participant {ParticipantId}: answer for revision {Revision} applied")]
    public static partial void Answered(ILogger logger, string participantId, int revision);

    [LoggerMessage(4, LogLevel.Information, "Participant {ParticipantId} publishes {Count} stream(s): {Aliases}")]
    public static partial void Published(ILogger logger, string participantId, int count, string aliases);

    [LoggerMessage(5, LogLevel.Debug, "Keyframe request for {ParticipantId}/{Alias} (ssrc {Ssrc})")]
    public static partial void KeyframeRequested(ILogger logger, string participantId, string alias, uint ssrc);

    [LoggerMessage(6, LogLevel.Information, "Participant {ParticipantId} joined the SFU (session {SessionId})")]
    public static partial void Joined(ILogger logger, string participantId, string? sessionId);

    [LoggerMessage(7, LogLevel.Information, "Participant {ParticipantId} left the SFU: {Reason}")]
    public static partial void Left(ILogger logger, string participantId, string reason);
}
