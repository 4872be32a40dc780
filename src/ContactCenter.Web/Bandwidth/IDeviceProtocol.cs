using ContactCenter.Media.Routing;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// What differs between the Bandwidth device protocols on one socket: the methods (<see cref="Attach"/>), how a
/// subscribe offer of the core reaches the client (<see cref="OfferAsync"/>), and, for v2, the subscribe connection.
/// One instance per socket.
/// </summary>
internal interface IDeviceProtocol
{
    /// <summary>Null: the router's own server-offered subscribe connection.</summary>
    Func<SfuParticipant, ISubscribeConnection>? SubscribeFactory { get; }

    /// <summary>The token was accepted: the methods for this participant. <paramref name="send"/> writes one text frame.</summary>
    IDeviceRpc Attach(ParticipantSignaling signaling, Func<string, Task> send);

    /// <summary>A subscribe offer of the core (may arrive before <see cref="Attach"/> returned).</summary>
    Task OfferAsync(SdpOfferMessage offer, Func<string, Task> send);
}
