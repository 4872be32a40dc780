using ContactCenter.Core.Auditing;
using ContactCenter.Core.Services;

namespace ContactCenter.Web.Api;

/// <summary>What the call mode endpoints need, bound with <c>[AsParameters]</c>.</summary>
public sealed class CallModeApiServices(CallControl callControl, SessionService sessions, IModeAuditLog audit, HttpContext httpContext)
{
    public CallControl CallControl { get; } = callControl;

    public SessionService Sessions { get; } = sessions;

    public IModeAuditLog Audit { get; } = audit;

    public HttpContext HttpContext { get; } = httpContext;

    public CancellationToken CancellationToken => HttpContext.RequestAborted;

    /// <summary>Who makes a change, for the audit: the API credential's username.</summary>
    public string Actor => "api:" + (HttpContext.User.Identity?.Name ?? "unknown");

    public ApiError Error(CallError error) => ApiErrors.For(HttpContext, error.Message);

    public ApiError Error(string message) => ApiErrors.For(HttpContext, message);
}
