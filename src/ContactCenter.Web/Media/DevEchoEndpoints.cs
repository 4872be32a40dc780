using ContactCenter.Media.Dtls;
using ContactCenter.Media.Echo;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Transport;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Web.Media;

/// <summary>
/// Development scaffolding (enabled by <c>Media:DevEcho</c>): a browser posts an SDP offer and gets back an
/// answer whose media is echoed to it through our SRTP. A SignalR hub replaces this later.
/// </summary>
public static class DevEchoEndpoints
{
    public static IEndpointRouteBuilder MapDevEchoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dev/echo");
        group.MapPost("/offer", PostOffer);
        return app;
    }

    /// <summary>
    /// POST /dev/echo/offer[?profile=gcm|cm] with the SDP offer as the body → 200 with the SDP answer.
    /// <c>profile</c> forces one SRTP protection profile.
    /// </summary>
    public static async Task<Results<ContentHttpResult, BadRequest<string>>> PostOffer(
        HttpRequest request, UdpMediaTransport transport, string? profile)
    {
        IReadOnlyList<int>? profiles = profile?.ToLowerInvariant() switch
        {
            null or "" => DtlsSrtpProfiles.Preferred,
            "gcm" => [DtlsSrtpProfiles.AeadAes128Gcm],
            "cm" => [DtlsSrtpProfiles.AesCm128HmacSha1_80],
            _ => null,
        };
        if (profiles is null)
        {
            return TypedResults.BadRequest("profile must be gcm or cm");
        }

        using var reader = new StreamReader(request.Body);
        var offer = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
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
}
