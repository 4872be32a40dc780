using System.Threading.Channels;
using ContactCenter.Web.Signaling;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// Turns the signaling core's lifecycle into participant webhooks, for both front doors. It only writes to a
/// bounded channel (never waits), so signaling and media never wait on a callback; <see cref="BandwidthWebhookSender"/>
/// does the HTTP.
/// </summary>
public sealed class BandwidthWebhookQueue : ISignalingObserver
{
    private readonly Channel<BandwidthWebhookDelivery> _channel;
    private readonly TimeProvider _time;
    private readonly ILogger<BandwidthWebhookQueue> _logger;

    public BandwidthWebhookQueue(IOptions<BandwidthWebhookOptions> options, TimeProvider time, ILogger<BandwidthWebhookQueue> logger)
    {
        _time = time;
        _logger = logger;
        _channel = Channel.CreateBounded<BandwidthWebhookDelivery>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public ChannelReader<BandwidthWebhookDelivery> Reader => _channel.Reader;

    public void Connected(ParticipantSignaling signaling) => Enqueue(signaling, "onConnect");

    public void Left(ParticipantSignaling signaling, string reason) => Enqueue(signaling, "onLeave");

    public void Disconnected(ParticipantSignaling signaling, string reason) => Enqueue(signaling, "onDisconnect");

    private void Enqueue(ParticipantSignaling signaling, string name)
    {
        if (!Uri.TryCreate(signaling.CallbackUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return;
        }

        var @event = new BandwidthWebhookEvent(name, _time.GetUtcNow(), signaling.ParticipantId, signaling.DeviceId, signaling.Tag);
        if (!_channel.Writer.TryWrite(new BandwidthWebhookDelivery(url, @event)))
        {
            BandwidthLog.WebhookDropped(_logger, name, signaling.ParticipantId);
        }
    }
}
