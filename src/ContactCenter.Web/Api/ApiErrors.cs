using ContactCenter.Core.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Api;

/// <summary>
/// Builds error answers; the request id is also sent as <see cref="RequestIdHeader"/>. 401 and 403 answer
/// <see cref="ApiMessage"/> <c>{"message"}</c> as Bandwidth's did; every other status answers <see cref="ApiError"/>.
/// </summary>
public static class ApiErrors
{
    public const string RequestIdHeader = "X-Request-Id";

    public static string RequestId(HttpContext context) => context.TraceIdentifier;

    public static ApiError For(HttpContext context, string message) => new(message, RequestId(context));

    /// <summary>True for the statuses whose body is <see cref="ApiMessage"/> (Bandwidth's 401 and 403).</summary>
    public static bool UsesMessageBody(int statusCode) =>
        statusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden;

    /// <summary>Writes an error outside an endpoint (authentication, exception handler, status code pages).</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers[RequestIdHeader] = RequestId(context);
        const string json = "application/json; charset=utf-8";
        return UsesMessageBody(statusCode)
            ? context.Response.WriteAsJsonAsync(new ApiMessage(message), ApiJson.Options, contentType: json)
            : context.Response.WriteAsJsonAsync(For(context, message), ApiJson.Options, contentType: json);
    }

    /// <summary>A 403 from an endpoint: <c>{"message"}</c> (the API middleware sets <see cref="RequestIdHeader"/>).</summary>
    public static JsonHttpResult<ApiMessage> Forbidden(string message) =>
        TypedResults.Json(new ApiMessage(message), ApiJson.Options, statusCode: StatusCodes.Status403Forbidden);

    public static int StatusCode(CallErrorKind kind) => kind switch
    {
        CallErrorKind.Validation => StatusCodes.Status400BadRequest,
        CallErrorKind.NotFound => StatusCodes.Status404NotFound,
        CallErrorKind.Conflict => StatusCodes.Status409Conflict,
        CallErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string DefaultMessage(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid.",
        StatusCodes.Status401Unauthorized => "Authentication required.",
        StatusCodes.Status403Forbidden => "Access denied.",
        StatusCodes.Status404NotFound => "No such resource.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed on this resource.",
        StatusCodes.Status409Conflict => "The request conflicts with the current state.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
        _ when statusCode >= 500 => "Internal server error.",
        _ => "The request failed.",
    };
}
