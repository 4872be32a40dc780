namespace ContactCenter.Core.Queue;

/// <summary>The agent desk's state: status, the open offer, the current call, and whether a supervisor whispers to this agent.</summary>
public sealed record AgentDeskView(AgentStatus Status, OfferView? Offer, LiveCallView? Call, bool IsWhispered);
