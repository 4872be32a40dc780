using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Components.Supervision;

/// <summary>A click on a call's supervisor button, with the agents picked for a group whisper.</summary>
public sealed record SupervisorActionRequest(string CallId, SupervisorAction Action, IReadOnlyList<string> CoachedAgentIds);
