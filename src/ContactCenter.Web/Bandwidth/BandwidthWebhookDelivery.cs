namespace ContactCenter.Web.Bandwidth;

/// <summary>One queued callback: where to POST which event.</summary>
public sealed record BandwidthWebhookDelivery(Uri Url, BandwidthWebhookEvent Event);
