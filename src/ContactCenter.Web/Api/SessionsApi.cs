using ContactCenter.Core.Services;
using ContactCenter.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Api;

/// <summary>Bandwidth's sessions: <c>/v1/accounts/{accountId}/sessions</c>.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("sessions").WithTags("Sessions");

        api.MapPost("/", CreateSessionAsync).WithName("CreateSession").WithSummary("Creates a session.");
        api.MapGet("/{sessionId}", GetSessionAsync).WithName("GetSession");
        api.MapDelete("/{sessionId}", DeleteSessionAsync).WithName("DeleteSession")
            .WithDescription("Ends the session: its members leave it (their participants remain) and media stops.");
        return api;
    }

    public static async Task<Results<Ok<SessionResponse>, BadRequest<ApiError>, NotFound<ApiError>>> CreateSessionAsync(
        string accountId, CreateSessionRequest? request, [AsParameters] SessionApiServices services)
    {
        var result = await services.Sessions.CreateAsync(accountId, request?.Tag, services.CancellationToken);
        if (result.IsSuccess)
        {
            return TypedResults.Ok(SessionResponse.From(result.Value));
        }

        return result.Error.Kind == CallErrorKind.NotFound
            ? TypedResults.NotFound(services.Error(result.Error))
            : TypedResults.BadRequest(services.Error(result.Error));
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound<ApiError>>> GetSessionAsync(
        string accountId, string sessionId, [AsParameters] SessionApiServices services)
    {
        var result = await services.Sessions.GetAsync(accountId, sessionId, services.CancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(SessionResponse.From(result.Value))
            : TypedResults.NotFound(services.Error(result.Error));
    }

    public static async Task<Results<NoContent, NotFound<ApiError>>> DeleteSessionAsync(
        string accountId, string sessionId, [AsParameters] SessionApiServices services)
    {
        var result = await services.Sessions.DeleteAsync(accountId, sessionId, services.CancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : TypedResults.NotFound(services.Error(result.Error));
    }
}
