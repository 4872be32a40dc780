namespace ContactCenter.Web.Protection;

/// <summary>
/// The partition key of per-address limits: the connection's remote address. Behind a reverse proxy, configure
/// ForwardedHeaders so that this is the client's and not the proxy's.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? Unknown;
}
