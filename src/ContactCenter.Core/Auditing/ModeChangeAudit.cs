using ContactCenter.Core.CallModes;

namespace ContactCenter.Core.Auditing;

/// <summary>One applied mode change: who changed which call, when, from which mode (null: none applied yet) to which.</summary>
public sealed record ModeChangeAudit(
    string AccountId,
    string SessionId,
    CallMode? FromMode,
    CallMode ToMode,
    string Actor,
    DateTimeOffset At);
