namespace ContactCenter.Core.CallModes;

/// <summary>Who hears whom in a call; see CallModes/README.md.</summary>
public enum CallMode
{
    FullyWired,
    Monitor,
    Whisper,
    GroupWhisper,
    Barge,
    TakeOver,
    Consult,
}
