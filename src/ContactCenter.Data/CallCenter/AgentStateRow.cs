using ContactCenter.Core.Queue;

namespace ContactCenter.Data.CallCenter;

/// <summary>An agent's state (table AgentStates).</summary>
internal sealed class AgentStateRow
{
    public string UserId { get; set; } = "";

    public AgentStatus Status { get; set; }

    public DateTimeOffset IdleSince { get; set; }

    public string? CallId { get; set; }

    public DateTimeOffset? WrapUpUntil { get; set; }
}
