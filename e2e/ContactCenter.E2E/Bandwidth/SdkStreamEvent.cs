namespace ContactCenter.E2E.Bandwidth;

/// <summary>An onStreamAvailable/onStreamUnavailable the SDK raised in the page (endpointId is the stream id).</summary>
public sealed record SdkStreamEvent(string Type, string EndpointId, string? Alias, string? ParticipantId, string[]? MediaTypes);
