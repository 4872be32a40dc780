using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Web.Signaling;

/// <summary>Delivers signaling events to one SignalR connection.</summary>
internal sealed class HubSignalingClient(IHubContext<RtcHub, IRtcClient> hub, string connectionId) : ISignalingClient
{
    public Task OfferAsync(SdpOfferMessage offer) => hub.Clients.Client(connectionId).Offer(offer);

    public Task StreamAvailableAsync(StreamMetadata stream) => hub.Clients.Client(connectionId).StreamAvailable(stream);

    public Task StreamUnavailableAsync(StreamMetadata stream) => hub.Clients.Client(connectionId).StreamUnavailable(stream);
}
