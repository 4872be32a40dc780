namespace ContactCenter.Media.Routing;

/// <summary>The signal of a member that has no signaling channel (a phone leg): nothing is ever offered to it.</summary>
internal sealed class NoSignal : ISfuSignal
{
    public static readonly NoSignal Instance = new();

    public void SendOffer(SubscribeOffer offer)
    {
    }

    public void StreamAvailable(OfferedStream stream)
    {
    }

    public void StreamUnavailable(OfferedStream stream)
    {
    }
}
