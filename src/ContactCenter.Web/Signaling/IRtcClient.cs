namespace ContactCenter.Web.Signaling;

/// <summary>Server → browser events of <see cref="RtcHub"/> (strongly typed; camelCase method names on the wire).</summary>
public interface IRtcClient
{
    Task Offer(SdpOfferMessage offer);

    Task StreamAvailable(StreamMetadata stream);

    Task StreamUnavailable(StreamMetadata stream);
}
