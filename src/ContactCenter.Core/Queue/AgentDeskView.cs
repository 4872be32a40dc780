namespace ContactCenter.Core.Queue;

/// <summary>
/// The agent desk's state: status, the open offer, the current call, whether a supervisor whispers to this agent, and
/// when the agent's wrap-up ends (null: not wrapping up).
/// </summary>
public sealed record AgentDeskView(AgentStatus Status, OfferView? Offer, LiveCallView? Call, bool IsWhispered, DateTimeOffset? WrapUpUntil = null);
