namespace ContactCenter.Web.Signaling;

/// <summary>
/// The front door's side of one participant's signaling: how server events reach the client. The SignalR hub
/// and the Bandwidth v3 JSON-RPC door each implement it; the signaling core calls it one message at a time, in order.
/// </summary>
public interface ISignalingClient
{
    Task OfferAsync(SdpOfferMessage offer);

    Task StreamAvailableAsync(StreamMetadata stream);

    Task StreamUnavailableAsync(StreamMetadata stream);
}
