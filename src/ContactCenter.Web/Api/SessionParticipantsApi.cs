using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;
using ContactCenter.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Api;

/// <summary>
/// A session's members and their subscriptions:
/// <c>/v1/accounts/{accountId}/sessions/{sessionId}/participants[/{participantId}[/subscriptions]]</c>.
/// </summary>
public static class SessionParticipantsApi
{
    public static RouteGroupBuilder MapSessionParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("sessions/{sessionId}/participants").WithTags("Session participants");

        api.MapGet("/", ListParticipantsAsync).WithName("ListSessionParticipants");
        api.MapPut("/{participantId}", AddParticipantAsync).WithName("AddParticipantToSession")
            .WithDescription("Adds the participant, optionally with its subscriptions. Idempotent for a member; 409 when the session is full or the participant is in another session.");
        api.MapDelete("/{participantId}", RemoveParticipantAsync).WithName("RemoveParticipantFromSession")
            .WithDescription("Removes the member, and every other member's subscription entry that names it.");
        api.MapGet("/{participantId}/subscriptions", GetSubscriptionsAsync).WithName("GetSubscriptions");
        api.MapPut("/{participantId}/subscriptions", ReplaceSubscriptionsAsync).WithName("UpdateSubscriptions")
            .WithDescription("Replaces the whole subscription set; an empty body removes them all.");
        return api;
    }

    /// <summary>The members in the order they joined; <c>204</c> without a body when there are none (Bandwidth's spec).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ParticipantResponse>>, NoContent, NotFound<ApiError>>> ListParticipantsAsync(
        string accountId, string sessionId, [AsParameters] SessionApiServices services)
    {
        var result = await services.Sessions.ListMembersAsync(accountId, sessionId, services.CancellationToken);
        if (!result.IsSuccess)
        {
            return TypedResults.NotFound(services.Error(result.Error));
        }

        if (result.Value.Count == 0)
        {
            return TypedResults.NoContent();
        }

        IReadOnlyList<ParticipantResponse> members = result.Value.Select(ParticipantResponse.From).ToList();
        return TypedResults.Ok(members);
    }

    public static async Task<Results<NoContent, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiMessage>>> AddParticipantAsync(
        string accountId, string sessionId, string participantId, SubscriptionsDto? subscriptions, [AsParameters] SessionApiServices services)
    {
        var result = await services.Sessions.AddMemberAsync(accountId, sessionId, participantId, subscriptions?.ToDomain(), services.CancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : ToResult(result.Error, services);
    }

    public static async Task<Results<NoContent, NotFound<ApiError>>> RemoveParticipantAsync(
        string accountId, string sessionId, string participantId, [AsParameters] SessionApiServices services)
    {
        var result = await services.Sessions.RemoveMemberAsync(accountId, sessionId, participantId, services.CancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : TypedResults.NotFound(services.Error(result.Error));
    }

    /// <summary>The member's subscriptions; <c>204</c> without a body when it has none (Bandwidth's spec).</summary>
    public static async Task<Results<Ok<SubscriptionsDto>, NoContent, NotFound<ApiError>>> GetSubscriptionsAsync(
        string accountId, string sessionId, string participantId, [AsParameters] SessionApiServices services)
    {
        var result = await services.Sessions.GetSubscriptionsAsync(accountId, sessionId, participantId, services.CancellationToken);
        if (!result.IsSuccess)
        {
            return TypedResults.NotFound(services.Error(result.Error));
        }

        var subscriptions = result.Value;
        return subscriptions.SessionId is null && subscriptions.Participants.Count == 0
            ? TypedResults.NoContent()
            : TypedResults.Ok(SubscriptionsDto.From(subscriptions));
    }

    public static async Task<Results<NoContent, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiMessage>>> ReplaceSubscriptionsAsync(
        string accountId, string sessionId, string participantId, SubscriptionsDto? subscriptions, [AsParameters] SessionApiServices services)
    {
        Subscriptions? body = subscriptions?.ToDomain();
        var result = await services.Sessions.ReplaceSubscriptionsAsync(accountId, sessionId, participantId, body, services.CancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : ToResult(result.Error, services);
    }

    private static Results<NoContent, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiMessage>> ToResult(
        CallError error, SessionApiServices services) => error.Kind switch
        {
            CallErrorKind.NotFound => TypedResults.NotFound(services.Error(error)),
            CallErrorKind.Conflict => TypedResults.Conflict(services.Error(error)),
            CallErrorKind.Forbidden => ApiErrors.Forbidden(error.Message),
            _ => TypedResults.BadRequest(services.Error(error)),
        };
}
