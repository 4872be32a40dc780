namespace ContactCenter.Core.Queue;

/// <summary>A waiting call offered to one agent until it accepts, declines, or <see cref="ExpiresAt"/> passes.</summary>
public sealed record QueueOffer(string CallId, string AgentId, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt);
