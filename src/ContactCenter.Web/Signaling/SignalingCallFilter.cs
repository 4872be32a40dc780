using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// Logs the hub's calls at a level that fits: a <see cref="HubException"/> is a refusal the client reads (bad input,
/// wrong state, a bad token), logged at Information without a stack trace; anything else is our bug, logged at Error
/// with its exception. SignalR's own dispatcher would log every one of them at Error with the stack trace, so any
/// token holder could flood the log; its category is turned down in <see cref="SignalingServiceCollectionExtensions"/>.
/// </summary>
internal sealed partial class SignalingCallFilter(ILogger<SignalingCallFilter> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException ex)
        {
            Log.Refused(logger, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            Log.Failed(logger, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, ex);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Hub}.{Method} refused: {Reason}")]
        public static partial void Refused(ILogger logger, string hub, string method, string reason);

        [LoggerMessage(2, LogLevel.Error, "{Hub}.{Method} failed")]
        public static partial void Failed(ILogger logger, string hub, string method, Exception exception);
    }
}
