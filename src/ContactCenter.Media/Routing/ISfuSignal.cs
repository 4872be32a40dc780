namespace ContactCenter.Media.Routing;

/// <summary>
/// What the router tells a participant's signaling front door. Called under the router's lock: implementations
/// queue the message and return; they must not block or call back into the router synchronously.
/// </summary>
public interface ISfuSignal
{
    void SendOffer(SubscribeOffer offer);

    void StreamAvailable(OfferedStream stream);

    void StreamUnavailable(OfferedStream stream);
}
