using ContactCenter.Core.Services;

namespace ContactCenter.Web.Api;

/// <summary>What the session endpoints need, bound with <c>[AsParameters]</c>.</summary>
public sealed class SessionApiServices(SessionService sessions, HttpContext httpContext)
{
    public SessionService Sessions { get; } = sessions;

    public HttpContext HttpContext { get; } = httpContext;

    public CancellationToken CancellationToken => HttpContext.RequestAborted;

    public ApiError Error(CallError error) => ApiErrors.For(HttpContext, error.Message);
}
