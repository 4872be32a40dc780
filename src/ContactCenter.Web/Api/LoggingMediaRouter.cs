using ContactCenter.Core.Routing;

namespace ContactCenter.Web.Api;

/// <summary>
/// Stands in for the SFU until the media plane is wired (registered with TryAdd, so a real router registered
/// anywhere wins): the control plane and the REST API work, and each edge change is logged at debug level.
/// </summary>
internal sealed partial class LoggingMediaRouter : IMediaRouter
{
    private readonly ILogger<LoggingMediaRouter> _logger;

    public LoggingMediaRouter(ILogger<LoggingMediaRouter> logger)
    {
        _logger = logger;
    }

    public void Apply(string sessionId, IReadOnlyCollection<ForwardingEdge> edges) => Log.Applied(_logger, sessionId, edges.Count);

    public void RemoveSession(string sessionId) => Log.Removed(_logger, sessionId);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "No media router: session {SessionId} would now have {Count} forwarding edge(s)")]
        public static partial void Applied(ILogger logger, string sessionId, int count);

        [LoggerMessage(2, LogLevel.Debug, "No media router: session {SessionId} ended")]
        public static partial void Removed(ILogger logger, string sessionId);
    }
}
