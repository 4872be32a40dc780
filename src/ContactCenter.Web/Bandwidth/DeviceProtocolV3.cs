using ContactCenter.Media.Routing;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Bandwidth;

/// <summary>Device protocol v3: the server offers one subscribe connection and sends it as <c>sdpOffer</c> notifications.</summary>
internal sealed class DeviceProtocolV3 : IDeviceProtocol
{
    private string _endpointId = string.Empty;

    public Func<SfuParticipant, ISubscribeConnection>? SubscribeFactory => null;

    public IDeviceRpc Attach(ParticipantSignaling signaling, Func<string, Task> send)
    {
        _endpointId = signaling.DeviceId;
        return new BandwidthDeviceRpc(signaling);
    }

    public Task OfferAsync(SdpOfferMessage offer, Func<string, Task> send) =>
        send(JsonRpcFraming.Notification("sdpOffer", BandwidthSdp.OfferParams(offer, _endpointId)));
}
