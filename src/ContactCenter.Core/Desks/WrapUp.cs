namespace ContactCenter.Core.Desks;

/// <summary>
/// What the desk shows while the agent wraps up: the call just ended, the codes to pick from, whether one must be
/// picked (whenever the admin configured any), and when the wrap-up time runs out.
/// </summary>
public sealed record WrapUp(CallRecord Call, IReadOnlyList<DispositionCode> Codes, DateTimeOffset? Until)
{
    public bool CodeRequired => Codes.Count > 0;
}
