namespace ContactCenter.Core.Queue;

/// <summary>One agent as the supervisor's roster sees it: its state, its call, and the call offered to it.</summary>
public sealed record AgentStateView(string UserId, AgentStatus Status, string? CallId, string? OfferedCallId);
