using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ContactCenter.Web.Api;

/// <summary>
/// Turns exceptions under <c>/v1</c> into the API's error body: a body that does not bind (malformed JSON, a field
/// of the wrong type, not JSON at all) is a 4xx naming the problem; anything else is a 500 that names only the
/// request id, with the details in the log.
/// </summary>
internal sealed partial class ApiExceptionHandler : IExceptionHandler
{
    private readonly ILogger<ApiExceptionHandler> _logger;

    public ApiExceptionHandler(ILogger<ApiExceptionHandler> logger)
    {
        _logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiPaths.IsApi(httpContext.Request.Path))
        {
            return false;
        }

        var (status, message) = Describe(exception);
        if (status >= 500)
        {
            Log.Unhandled(_logger, exception, httpContext.Request.Method, httpContext.Request.Path, ApiErrors.RequestId(httpContext));
        }

        await ApiErrors.WriteAsync(httpContext, status, message);
        return true;
    }

    internal static (int Status, string Message) Describe(Exception exception)
    {
        if (exception is BadHttpRequestException bad)
        {
            var json = FindJsonException(bad);
            if (json is not null)
            {
                return (StatusCodes.Status400BadRequest, DescribeJson(json));
            }

            return bad.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => (bad.StatusCode, ApiErrors.DefaultMessage(bad.StatusCode)),
                StatusCodes.Status400BadRequest when bad.Message.Contains("provided", StringComparison.Ordinal) && bad.Message.Contains("body", StringComparison.Ordinal) =>
                    (StatusCodes.Status400BadRequest, "A JSON request body is required."),
                >= 400 and < 500 => (bad.StatusCode, bad.Message),
                _ => (StatusCodes.Status400BadRequest, bad.Message),
            };
        }

        if (exception is JsonException direct)
        {
            return (StatusCodes.Status400BadRequest, DescribeJson(direct));
        }

        return (StatusCodes.Status500InternalServerError, "Internal server error. Quote the requestId when you report it.");
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string DescribeJson(JsonException json)
    {
        var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the body" : $"'{json.Path}'";

        // A value of the wrong type parses as JSON but does not convert; System.Text.Json marks those with this text.
        if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"Invalid request body: {where} has the wrong type.";
        }

        var position = json.LineNumber is { } line
            ? $" (line {line + 1}, byte {json.BytePositionInLine.GetValueOrDefault() + 1})"
            : string.Empty;
        return $"Malformed JSON in request body at {where}{position}.";
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Unhandled exception for {Method} {Path} (requestId {RequestId})")]
        public static partial void Unhandled(ILogger logger, Exception exception, string method, string path, string requestId);
    }
}
