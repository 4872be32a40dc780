using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Core.Queue;

/// <summary>Settings of the call queue (section <c>CallCenter</c>).</summary>
public sealed class CallCenterOptions
{
    public const string SectionName = "CallCenter";

    /// <summary>The REST account that owns the queue's sessions and participants; created on first use if missing.</summary>
    [Required]
    public string AccountId { get; set; } = "demo";

    /// <summary>How long an offer rings at an agent's desk before it goes to the next agent.</summary>
    [Range(1, 600)]
    public int OfferTimeoutSeconds { get; set; } = 20;

    /// <summary>How long an ended call stays visible to its caller's page.</summary>
    [Range(1, 1440)]
    public int EndedCallRetentionMinutes { get; set; } = 10;

    /// <summary>How long a declined call is not offered again to the agent that declined it (others come first).</summary>
    [Range(0, 3600)]
    public int DeclineCooldownSeconds { get; set; } = 10;

    /// <summary>
    /// How long an agent is in Wrap-up after a call (picking a disposition code, writing a note) before it is offered
    /// the next one; submitting the wrap-up ends it sooner (0: no wrap-up, and no disposition is asked).
    /// </summary>
    [Range(0, 3600)]
    public int WrapUpSeconds { get; set; } = 30;

    /// <summary>
    /// How long a member whose page lost its connection (a reload, a network blip, a restart of the server) keeps its
    /// place in the call before it is removed; the call ends when that was the customer or the last agent.
    /// </summary>
    [Range(1, 3600)]
    public int MemberGraceSeconds { get; set; } = 30;

    [Required]
    public string WebCallerTag { get; set; } = "web-caller";

    [Required]
    public string AgentTag { get; set; } = "agent";

    [Required]
    public string SupervisorTag { get; set; } = "supervisor";
}
