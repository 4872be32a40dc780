namespace ContactCenter.Core.Tokens;

/// <summary>What a valid participant token says.</summary>
public sealed record ParticipantTokenClaims(
    string ParticipantId,
    string AccountId,
    string? SessionId,
    string DeviceApiVersion,
    DateTimeOffset ExpiresAt);
