using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// <c>/v3/</c> and <c>/v2/</c>: the WebSockets the unmodified Bandwidth browser SDK opens (v3 when the token's
/// <c>v</c> claim is V3, else v2), with the participant token in the query
/// (<c>token</c>, plus <c>client</c>, <c>sdkVersion</c> and <c>uniqueId</c>, the device id used in webhooks).
/// Authentication is the token alone, checked by the signaling core once the socket is open so that a refusal can
/// carry its reason in the close frame.
/// </summary>
internal static class BandwidthDeviceEndpoint
{
    public const string Path = "/v3";

    public const string PathV2 = "/v2";

    public static Task HandleAsync(HttpContext context) => HandleAsync(context, version: 3);

    public static Task HandleV2Async(HttpContext context) => HandleAsync(context, version: 2);

    private static async Task HandleAsync(HttpContext context, int version)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"This is the Bandwidth device protocol v{version} endpoint: connect with a WebSocket.");
            return;
        }

        var services = context.RequestServices;
        var query = context.Request.Query;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BandwidthDeviceEndpoint).FullName!);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var limits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Protection.LimitsOptions>>().Value;
        IDeviceProtocol protocol = version == 2
            ? new DeviceProtocolV2(
                services.GetRequiredService<ContactCenter.Media.Transport.UdpMediaTransport>(),
                services.GetRequiredService<ContactCenter.Media.Routing.SfuRouter>(),
                logger)
            : new DeviceProtocolV3();
        var connection = new BandwidthDeviceConnection(socket, logger, limits.DeviceMessageBytes, protocol);
        await connection.RunAsync(
            services.GetRequiredService<SignalingCore>(),
            query["token"].ToString(),
            query["uniqueId"].ToString(),
            query["client"].ToString(),
            query["sdkVersion"].ToString(),
            context.RequestAborted);
    }
}
