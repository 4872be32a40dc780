namespace ContactCenter.Core.Queue;

/// <summary>An agent as stored: the status it chose, idle since when, its call, and when its wrap-up ends.</summary>
public sealed record StoredAgent(string UserId, AgentStatus Status, DateTimeOffset IdleSince, string? CallId, DateTimeOffset? WrapUpUntil);
