namespace ContactCenter.Core.Queue;

/// <summary>An agent as the queue holds it: the status it chose, idle since when, its call, and the end of its wrap-up.</summary>
public sealed record QueueAgentState(string AgentId, AgentStatus Status, DateTimeOffset IdleSince, string? CallId, DateTimeOffset? WrapUpUntil);
