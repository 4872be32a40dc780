using ContactCenter.Core.Services;
using ContactCenter.Media.Routing;
using ContactCenter.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Signaling;

/// <summary>Who hears whom, measured: <c>GET /v1/accounts/{accountId}/sessions/{sessionId}/media</c>.</summary>
public static class MediaApi
{
    public static RouteGroupBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("sessions").WithTags("Media");
        api.MapGet("/{sessionId}/media", GetMediaAsync).WithName("GetSessionMedia")
            .WithSummary("The session's live forwarding edges with packet and byte counters from the SFU.");
        return api;
    }

    public static async Task<Results<Ok<MediaSnapshotResponse>, NotFound<ApiError>>> GetMediaAsync(
        string accountId, string sessionId, SessionService sessions, SfuRouter router, HttpContext httpContext)
    {
        var session = await sessions.GetAsync(accountId, sessionId, httpContext.RequestAborted);
        if (!session.IsSuccess)
        {
            return TypedResults.NotFound(ApiErrors.For(httpContext, session.Error.Message));
        }

        var rows = router.Snapshot(sessionId);
        var edges = new List<MediaEdgeResponse>(rows.Count);
        foreach (var row in rows)
        {
            edges.Add(new MediaEdgeResponse(row.PublisherId, row.Alias, row.SubscriberId, row.Packets, row.Bytes));
        }

        return TypedResults.Ok(new MediaSnapshotResponse(sessionId, edges));
    }
}
