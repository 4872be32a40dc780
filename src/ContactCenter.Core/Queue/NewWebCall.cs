namespace ContactCenter.Core.Queue;

/// <summary>
/// A web call that entered the queue (or was resumed): its session (the call id), the customer's participant, and
/// the secret that lets this browser, and only it, rejoin the call after a reload.
/// </summary>
public sealed record NewWebCall(string CallId, string ParticipantId, string ResumeSecret = "");
