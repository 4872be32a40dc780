using ContactCenter.Core;
using ContactCenter.Core.Routing;
using ContactCenter.Data;
using ContactCenter.Web.Api;
using ContactCenter.Web.Auth;
using ContactCenter.Web.Protection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The REST API (Bandwidth-compatible, under /v1) and what it stands on: the database, the control-plane
    /// services, API credentials, participant tokens and the OpenAPI document.
    /// </summary>
    public static WebApplicationBuilder AddContactCenterApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddContactCenterData(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddContactCenterCore();
        services.TryAddSingleton<IMediaRouter, LoggingMediaRouter>();
        builder.AddContactCenterApiAuth();
        builder.AddParticipantTokens();

        // Bodies that do not bind throw, so that ApiExceptionHandler can answer with the API's error body.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiBasicAuthTransformer>());
        return builder;
    }

    /// <summary>The API's middleware (request id, error bodies, authentication) and its endpoints.</summary>
    public static WebApplication UseContactCenterApi(this WebApplication app)
    {
        app.UseWhen(context => ApiPaths.IsApi(context.Request.Path), api =>
        {
            api.Use((context, next) =>
            {
                context.Response.Headers[ApiErrors.RequestIdHeader] = ApiErrors.RequestId(context);
                return next(context);
            });
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // ApiExceptionHandler answers first; this only runs if it could not.
                ExceptionHandler = context => ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, ApiErrors.DefaultMessage(500)),
            });
            api.UseStatusCodePages(context =>
            {
                var http = context.HttpContext;
                var status = http.Response.StatusCode;
                var message = status == StatusCodes.Status413PayloadTooLarge
                    ? RequestBodyLimit.Message(null, http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.RestBodyBytes)
                    : ApiErrors.DefaultMessage(status);
                return ApiErrors.WriteAsync(http, status, message);
            });
            api.Use((context, next) => RequestBodyLimit.Apply(
                context, context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.RestBodyBytes, next));
        });
        app.UseAuthentication();
        app.UseAuthorization();

        // After authorization, so that the REST policy partitions by the API credential Basic auth found.
        app.UseRateLimiter();

        app.MapOpenApi();
        var accounts = app.MapGroup(ApiPaths.Prefix + "/accounts/{accountId}")
            .RequireAuthorization(ApiAuthDefaults.AccountPolicy)
            .RequireRateLimiting(RateLimitNames.Rest)
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ApiMessage), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ApiMessage), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ApiError), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ApiError), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(ApiError), ["application/json"]));
        accounts.MapParticipantsApi();
        accounts.MapSessionsApi();
        accounts.MapSessionParticipantsApi();
        accounts.MapCallModesApi();
        app.MapMediaStatsApi();
        return app;
    }
}
