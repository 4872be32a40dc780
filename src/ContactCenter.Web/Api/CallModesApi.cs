using ContactCenter.Core.Services;
using ContactCenter.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Api;

/// <summary>
/// Our extension to the Bandwidth API: who hears whom in a call (src/ContactCenter.Core/CallModes/README.md),
/// <c>/v1/accounts/{accountId}/sessions/{sessionId}/mode</c>.
/// </summary>
public static class CallModesApi
{
    public static RouteGroupBuilder MapCallModesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("sessions/{sessionId}/mode").WithTags("Call modes");

        api.MapPut("/", SetModeAsync).WithName("SetCallMode")
            .WithDescription("Replaces every member's subscriptions with the plan of the mode for the given roles.");
        api.MapGet("/", GetModeAsync).WithName("GetCallMode");
        return api;
    }

    public static async Task<Results<Ok<CallModeResponse>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiMessage>>> SetModeAsync(
        string accountId, string sessionId, SetCallModeRequest request, [AsParameters] CallModeApiServices services)
    {
        if (!CallModeNames.TryParse(request.Mode, out var mode))
        {
            var got = request.Mode is null ? "none" : $"\"{request.Mode}\"";
            return TypedResults.BadRequest(services.Error($"mode must be one of {CallModeNames.All}; got {got}."));
        }

        var result = await services.CallControl.ApplyModeAsync(
            accountId,
            sessionId,
            mode.Value,
            request.Supervisors ?? [],
            request.Agents ?? [],
            request.Customers ?? [],
            services.Actor,
            services.CancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.Kind switch
            {
                CallErrorKind.NotFound => TypedResults.NotFound(services.Error(result.Error)),
                CallErrorKind.Conflict => TypedResults.Conflict(services.Error(result.Error)),
                CallErrorKind.Forbidden => ApiErrors.Forbidden(result.Error.Message),
                _ => TypedResults.BadRequest(services.Error(result.Error)),
            };
        }

        return TypedResults.Ok(await DescribeAsync(accountId, sessionId, result.Value.ToMode, services));
    }

    public static async Task<Results<Ok<CallModeResponse>, NotFound<ApiError>>> GetModeAsync(
        string accountId, string sessionId, [AsParameters] CallModeApiServices services)
    {
        var session = await services.Sessions.GetAsync(accountId, sessionId, services.CancellationToken);
        return session.IsSuccess
            ? TypedResults.Ok(await DescribeAsync(accountId, sessionId, session.Value.Mode, services))
            : TypedResults.NotFound(services.Error(session.Error));
    }

    private static async Task<CallModeResponse> DescribeAsync(
        string accountId, string sessionId, Core.CallModes.CallMode? mode, CallModeApiServices services)
    {
        var history = await services.Audit.ListAsync(accountId, sessionId, services.CancellationToken);
        return new CallModeResponse(
            sessionId,
            mode is { } m ? CallModeNames.ToWire(m) : null,
            history.Select(h => new CallModeChangeResponse(
                h.FromMode is { } from ? CallModeNames.ToWire(from) : null, CallModeNames.ToWire(h.ToMode), h.Actor, h.At)).ToList());
    }
}
