using ContactCenter.Core.CallModes;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Queue;

internal static partial class CallCenterLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Call {CallId} entered the queue")]
    public static partial void Queued(ILogger logger, string callId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Call {CallId} offered to agent {AgentId}")]
    public static partial void Offered(ILogger logger, string callId, string agentId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Call {CallId} accepted by agent {AgentId}")]
    public static partial void Accepted(ILogger logger, string callId, string agentId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Offer of call {CallId} to agent {AgentId} timed out")]
    public static partial void OfferExpired(ILogger logger, string callId, string agentId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Call {CallId} ended")]
    public static partial void Ended(ILogger logger, string callId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Supervisor {SupervisorId} set call {CallId} to {Mode}")]
    public static partial void SupervisorMode(ILogger logger, string supervisorId, string callId, CallMode mode);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "A call-center listener failed")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Cleaning up call {CallId} failed: {Error}")]
    public static partial void CleanupFailed(ILogger logger, string callId, string error);
}
