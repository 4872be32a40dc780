namespace ContactCenter.Web.Api.Contracts;

/// <summary>The session's current mode (absent when none was applied) and its recorded changes, oldest first.</summary>
public sealed record CallModeResponse(string SessionId, string? Mode, IReadOnlyList<CallModeChangeResponse> History);
