using ContactCenter.Core.Domain;
using ContactCenter.Core.Rules;
using ContactCenter.Core.Services;
using ContactCenter.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Api;

/// <summary>Bandwidth's participants: <c>/v1/accounts/{accountId}/participants</c>.</summary>
public static class ParticipantsApi
{
    public static RouteGroupBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("participants").WithTags("Participants");

        api.MapPost("/", CreateParticipantAsync).WithName("CreateParticipant")
            .WithDescription("Creates a participant and returns it with the token its device connects with.");
        api.MapGet("/{participantId}", GetParticipantAsync).WithName("GetParticipant");
        api.MapDelete("/{participantId}", DeleteParticipantAsync).WithName("DeleteParticipant")
            .WithDescription("Deletes the participant; it leaves its session first.");
        return api;
    }

    public static async Task<Results<Ok<CreateParticipantResponse>, BadRequest<ApiError>, NotFound<ApiError>>> CreateParticipantAsync(
        string accountId, CreateParticipantRequest? request, [AsParameters] ParticipantApiServices services)
    {
        IReadOnlyList<PublishPermission>? permissions = null;
        if (request?.PublishPermissions is { } names)
        {
            var parsed = CallRules.ParsePublishPermissions(names);
            if (!parsed.IsSuccess)
            {
                return TypedResults.BadRequest(services.Error(parsed.Error));
            }

            permissions = parsed.Value;
        }

        var created = await services.Participants.CreateAsync(
            accountId,
            new NewParticipant(permissions, request?.Tag, request?.CallbackUrl, request?.DeviceApiVersion),
            services.CancellationToken);
        if (!created.IsSuccess)
        {
            return created.Error.Kind == CallErrorKind.NotFound
                ? TypedResults.NotFound(services.Error(created.Error))
                : TypedResults.BadRequest(services.Error(created.Error));
        }

        var token = services.Tokens.Issue(created.Value);
        return TypedResults.Ok(new CreateParticipantResponse(ParticipantResponse.From(created.Value), token.Value));
    }

    public static async Task<Results<Ok<ParticipantResponse>, NotFound<ApiError>>> GetParticipantAsync(
        string accountId, string participantId, [AsParameters] ParticipantApiServices services)
    {
        var result = await services.Participants.GetAsync(accountId, participantId, services.CancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(ParticipantResponse.From(result.Value))
            : TypedResults.NotFound(services.Error(result.Error));
    }

    public static async Task<Results<NoContent, NotFound<ApiError>>> DeleteParticipantAsync(
        string accountId, string participantId, [AsParameters] ParticipantApiServices services)
    {
        var result = await services.Participants.DeleteAsync(accountId, participantId, services.CancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : TypedResults.NotFound(services.Error(result.Error));
    }
}
