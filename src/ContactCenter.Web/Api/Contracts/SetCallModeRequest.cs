namespace ContactCenter.Web.Api.Contracts;

/// <summary>
/// PUT /sessions/{sessionId}/mode. <c>mode</c>: fullyWired, monitor, whisper, groupWhisper, barge, takeOver or consult
/// (case is ignored). The three lists together name every current member once.
/// </summary>
public sealed record SetCallModeRequest(
    string? Mode,
    IReadOnlyList<string>? Supervisors = null,
    IReadOnlyList<string>? Agents = null,
    IReadOnlyList<string>? Customers = null);
