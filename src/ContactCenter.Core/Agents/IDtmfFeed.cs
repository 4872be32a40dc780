namespace ContactCenter.Core.Agents;

/// <summary>
/// DTMF digits pressed by the caller of a call (a phone leg's RFC 4733 events, later). The agent desk listens;
/// the SIP bridge publishes.
/// </summary>
public interface IDtmfFeed
{
    IDisposable Subscribe(string callId, Action<char> onDigit);

    void Publish(string callId, char digit);
}
