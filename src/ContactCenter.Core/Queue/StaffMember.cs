namespace ContactCenter.Core.Queue;

/// <summary>The signed-in person asking for an action, with the roles the service checks (the pages only hide buttons).</summary>
public sealed record StaffMember(string UserId, string Name, bool IsAgent, bool IsSupervisor);
