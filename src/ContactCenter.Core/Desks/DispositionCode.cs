namespace ContactCenter.Core.Desks;

/// <summary>
/// A disposition code the admin configured ("Resolved", "Call back"). An agent picks one for each call during
/// wrap-up; a retired code (<see cref="IsActive"/> false) is no longer offered but stays on the calls that have it.
/// </summary>
public sealed record DispositionCode(string Id, string Label, bool IsActive);
