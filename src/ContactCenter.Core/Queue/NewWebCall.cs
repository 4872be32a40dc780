namespace ContactCenter.Core.Queue;

/// <summary>A web call that entered the queue: its session (the call id) and the customer's participant.</summary>
public sealed record NewWebCall(string CallId, string ParticipantId);
