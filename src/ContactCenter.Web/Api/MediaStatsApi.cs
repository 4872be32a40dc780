using ContactCenter.Media.Transport;
using ContactCenter.Web.Api.Contracts;
using ContactCenter.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Api;

/// <summary>
/// Our own read-only diagnostics: <c>GET /v1/media/stats</c>, the media transport's counters (load runs read the
/// server's SRTP authentication failures here). Any valid API credential may read them: they belong to the server,
/// not to one account, and say nothing about any account's sessions.
/// </summary>
public static class MediaStatsApi
{
    public const string Path = ApiPaths.Prefix + "/media/stats";

    public static RouteHandlerBuilder MapMediaStatsApi(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, GetMediaStats)
            .WithTags("Media")
            .WithName("GetMediaStats")
            .WithSummary("The media transport's counters since start, and the live peer count.")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiAuthDefaults.Scheme).RequireAuthenticatedUser())
            .RequireRateLimiting(Protection.RateLimitNames.Rest)
            .Produces<ApiMessage>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);

    /// <summary>503 when this process has no media transport, or its socket is not bound (e.g. the port was taken).</summary>
    public static Results<Ok<MediaStatsResponse>, JsonHttpResult<ApiError>> GetMediaStats(HttpContext context)
    {
        var transport = context.RequestServices.GetService<UdpMediaTransport>();

        // A started transport announces its bound port, which is never 0.
        if (transport is null || transport.AnnouncedEndPoint.Port == 0)
        {
            return TypedResults.Json(
                ApiErrors.For(context, "Media is not running in this server."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(MediaStatsResponse.From(transport));
    }
}
