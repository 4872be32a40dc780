using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Components.Pages;

internal static partial class SupervisorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Supervisor action {Action} on call {CallId} failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception, SupervisorAction action, string callId);
}
