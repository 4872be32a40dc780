using ContactCenter.Media.Dtls;
using ContactCenter.Media.Echo;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Transport;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Media;

/// <summary>
/// Development scaffolding (enabled by <c>Media:DevEcho</c>): the browser's media is echoed back to it through
/// our SRTP. Two flows: the browser offers (we are the DTLS server), or we offer and the browser answers
/// (passive, as the Bandwidth SDK does: we are the DTLS client). A SignalR hub replaces this later.
/// </summary>
public static class DevEchoEndpoints
{
    public static IEndpointRouteBuilder MapDevEchoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dev/echo");
        group.MapPost("/offer", PostOffer);
        group.MapPost("/server-offer", PostServerOffer);
        group.MapPost("/server-answer", PostServerAnswer);
        return app;
    }

    /// <summary>
    /// POST /dev/echo/offer[?profile=gcm|cm] with the browser's SDP offer as the body → 200 with our answer.
    /// <c>profile</c> forces one SRTP protection profile.
    /// </summary>
    public static async Task<Results<ContentHttpResult, BadRequest<string>>> PostOffer(
        HttpRequest request, UdpMediaTransport transport, string? profile)
    {
        if (!TryProfiles(profile, out var profiles))
        {
            return TypedResults.BadRequest("profile must be gcm or cm");
        }

        var offer = await ReadBodyAsync(request);
        var peer = transport.CreatePeer(new PeerConnectionOptions { SrtpProfiles = profiles });
        peer.Sink = EchoSink.Instance;
        try
        {
            return TypedResults.Text(peer.CreateAnswer(offer), "application/sdp");
        }
        catch (FormatException ex)
        {
            peer.Close("bad offer");
            return TypedResults.BadRequest(ex.Message);
        }
    }

    /// <summary>POST /dev/echo/server-offer[?profile=gcm|cm] → 200 <c>{id, sdp}</c>: our sendrecv audio+video offer.</summary>
    public static Results<Ok<DevEchoOffer>, BadRequest<string>> PostServerOffer(UdpMediaTransport transport, string? profile)
    {
        if (!TryProfiles(profile, out var profiles))
        {
            return TypedResults.BadRequest("profile must be gcm or cm");
        }

        var peer = transport.CreatePeer(new PeerConnectionOptions { SrtpProfiles = profiles });
        peer.Sink = EchoSink.Instance;
        var sdp = peer.CreateOffer(
        [
            new OfferedMedia(MediaKind.Audio, SdpDirection.SendRecv),
            new OfferedMedia(MediaKind.Video, SdpDirection.SendRecv),
        ]);
        return TypedResults.Ok(new DevEchoOffer(peer.Id, sdp));
    }

    /// <summary>POST /dev/echo/server-answer?id=… with the browser's SDP answer as the body → 204.</summary>
    public static async Task<Results<NoContent, NotFound, BadRequest<string>>> PostServerAnswer(
        HttpRequest request, UdpMediaTransport transport, string id)
    {
        if (!transport.TryGetPeer(id, out var peer))
        {
            return TypedResults.NotFound();
        }

        try
        {
            peer.SetRemoteAnswer(await ReadBodyAsync(request));
            return TypedResults.NoContent();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            peer.Close("bad answer");
            return TypedResults.BadRequest(ex.Message);
        }
    }

    private static bool TryProfiles(string? profile, out IReadOnlyList<int> profiles)
    {
        IReadOnlyList<int>? chosen = profile?.ToLowerInvariant() switch
        {
            null or "" => DtlsSrtpProfiles.Preferred,
            "gcm" => [DtlsSrtpProfiles.AeadAes128Gcm],
            "cm" => [DtlsSrtpProfiles.AesCm128HmacSha1_80],
            _ => null,
        };
        profiles = chosen ?? [];
        return chosen is not null;
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }
}
