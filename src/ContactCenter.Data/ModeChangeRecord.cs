using ContactCenter.Core.CallModes;

namespace ContactCenter.Data;

/// <summary>A stored mode change (Core's ModeChangeAudit with a key).</summary>
internal sealed class ModeChangeRecord
{
    public long Id { get; set; }

    public required string AccountId { get; set; }

    public required string SessionId { get; set; }

    public CallMode? FromMode { get; set; }

    public CallMode ToMode { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }
}
