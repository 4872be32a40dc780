namespace ContactCenter.Core.Queue;

/// <summary>The buttons of a live call in the supervisor console.</summary>
public enum SupervisorAction
{
    Monitor,
    Whisper,
    GroupWhisper,
    Barge,
    TakeOver,
    Consult,
    Leave,
}
