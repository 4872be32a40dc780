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

    /// <summary>
    /// Null (the default): the participant receives on the router's server-offered subscribe connection. A door whose
    /// clients offer their receiving connections (Bandwidth device protocol v2) returns the connection to use instead.
    /// </summary>
    Func<ContactCenter.Media.Routing.SfuParticipant, ContactCenter.Media.Routing.ISubscribeConnection>? SubscribeFactory => null;
}
