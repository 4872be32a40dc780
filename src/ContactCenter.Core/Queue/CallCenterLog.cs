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

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error, Message = "Writing the call center's state to the database failed; the next change retries")]
    public static partial void JournalFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Restored {Calls} live call(s) and {Agents} agent(s) from the database")]
    public static partial void Restored(ILogger logger, int calls, int agents);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Participant {ParticipantId} of call {CallId} did not come back within the grace period")]
    public static partial void MemberGone(ILogger logger, string participantId, string callId);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Call {CallId} is now in {Mode} (as the control plane committed it)")]
    public static partial void OutsideModeChange(ILogger logger, string callId, CallMode mode);
}
