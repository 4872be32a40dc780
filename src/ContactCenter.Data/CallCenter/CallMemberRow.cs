namespace ContactCenter.Data.CallCenter;

/// <summary>A staff member of a call (table CallMembers): the person, its participant and its role.</summary>
internal sealed class CallMemberRow
{
    public string ParticipantId { get; set; } = "";

    public string CallId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsSupervisor { get; set; }
}
