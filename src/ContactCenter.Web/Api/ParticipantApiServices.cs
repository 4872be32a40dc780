using ContactCenter.Core.Services;
using ContactCenter.Core.Tokens;

namespace ContactCenter.Web.Api;

/// <summary>What the participant endpoints need, bound with <c>[AsParameters]</c>.</summary>
public sealed class ParticipantApiServices(ParticipantService participants, ParticipantTokenService tokens, HttpContext httpContext)
{
    public ParticipantService Participants { get; } = participants;

    public ParticipantTokenService Tokens { get; } = tokens;

    public HttpContext HttpContext { get; } = httpContext;

    public CancellationToken CancellationToken => HttpContext.RequestAborted;

    public ApiError Error(CallError error) => ApiErrors.For(HttpContext, error.Message);
}
