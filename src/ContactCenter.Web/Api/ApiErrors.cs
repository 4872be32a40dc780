using ContactCenter.Core.Services;

namespace ContactCenter.Web.Api;

/// <summary>Builds <see cref="ApiError"/> answers; the request id is also sent as <see cref="RequestIdHeader"/>.</summary>
public static class ApiErrors
{
    public const string RequestIdHeader = "X-Request-Id";

    public static string RequestId(HttpContext context) => context.TraceIdentifier;

    public static ApiError For(HttpContext context, string message) => new(message, RequestId(context));

    /// <summary>Writes an error outside an endpoint (authentication, exception handler, status code pages).</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers[RequestIdHeader] = RequestId(context);
        return context.Response.WriteAsJsonAsync(For(context, message), ApiJson.Options, contentType: "application/json; charset=utf-8");
    }

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
