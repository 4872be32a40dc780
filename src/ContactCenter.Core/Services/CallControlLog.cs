using ContactCenter.Core.CallModes;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Services;

internal static partial class CallControlLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Session {SessionId} changed mode from {From} to {To} by {Actor}")]
    public static partial void ModeChanged(ILogger logger, string sessionId, string from, CallMode to, string actor);
}
