namespace ContactCenter.Core.Queue;

/// <summary>
/// What the customer's page may know about its call. It deliberately carries nothing about supervisors or the
/// call mode: a monitored customer must not be able to tell.
/// </summary>
public sealed record CallerView(string CallId, CallState State, int? Position, string? AgentName, DateTimeOffset? ConnectedAt);
