namespace ContactCenter.Core.Tokens;

/// <summary>A signed participant token (compact JWT) and when it stops being accepted.</summary>
public sealed record ParticipantToken(string Value, DateTimeOffset ExpiresAt);
