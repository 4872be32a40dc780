using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Components.Supervision;

/// <summary>One agent on the supervisor's roster: name, state and since when (null: not seen since the server started).</summary>
public sealed record RosterRow(string UserId, string Name, AgentStatus Status, DateTimeOffset? Since);
