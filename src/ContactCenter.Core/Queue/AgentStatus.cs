namespace ContactCenter.Core.Queue;

/// <summary>What an agent has said about taking calls. Only <see cref="Available"/> agents are offered calls.</summary>
public enum AgentStatus
{
    Away,
    Available,
    Busy,
}
