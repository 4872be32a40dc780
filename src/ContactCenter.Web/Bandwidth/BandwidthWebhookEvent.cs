using System.Text.Json.Serialization;

namespace ContactCenter.Web.Bandwidth;

/// <summary>The body Bandwidth POSTed to a participant's callbackUrl: onConnect, onLeave or onDisconnect.</summary>
public sealed record BandwidthWebhookEvent(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("participantId")] string ParticipantId,
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("tag")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag);
