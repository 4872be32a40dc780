using System.Globalization;
using ContactCenter.Web.Api;
using Microsoft.AspNetCore.Http.Features;

namespace ContactCenter.Web.Protection;

/// <summary>
/// Caps a request's body before anything reads it: a declared length over the cap is answered 413 at once; an
/// undeclared (chunked) body fails with 413 as soon as the reader passes the cap, so nothing past it is buffered.
/// </summary>
public static class RequestBodyLimit
{
    public static Task Apply(HttpContext context, long maxBytes, RequestDelegate next)
    {
        if (context.Request.ContentLength is { } declared && declared > maxBytes)
        {
            // The body stays unread; Kestrel closes the connection rather than drain more than it allows.
            return ApiErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, Message(declared, maxBytes));
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }
        else if (feature is null)
        {
            // A server without the feature (the in-memory test server): the same rule enforced by the stream.
            context.Request.Body = new LengthLimitedStream(context.Request.Body, maxBytes);
        }

        return next(context);
    }

    public static string Message(long? declared, long maxBytes) => declared is { } length
        ? string.Create(CultureInfo.InvariantCulture, $"The request body is too large: {length} bytes, and this endpoint takes at most {maxBytes}.")
        : string.Create(CultureInfo.InvariantCulture, $"The request body is too large: this endpoint takes at most {maxBytes} bytes.");
}
