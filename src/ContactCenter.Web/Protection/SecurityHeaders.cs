namespace ContactCenter.Web.Protection;

/// <summary>
/// The headers every answer carries. The pages' Content-Security-Policy allows scripts only from this origin (no
/// inline script; blazor.web.js, MudBlazor.min.js, our modules and the vendored SignalR client are files), WebSocket
/// and fetch only back to this origin (SignalR, Blazor's circuit; CSP 3's 'self' covers ws:/wss: of the same host),
/// and styles from this origin plus inline styles, because MudBlazor writes style attributes and its theme as an
/// inline &lt;style&gt;. Nothing may frame the pages.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>
    /// nosniff and the referrer policy on every answer; the CSP on HTML documents, the only answers a browser runs
    /// script in (nosniff keeps anything else from being taken for HTML).
    /// </summary>
    public static void Add(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
    }
}
