namespace ContactCenter.Core.Queue;

/// <summary>Where a call is in its life, as the caller and the desks see it.</summary>
public enum CallState
{
    Waiting,
    Offered,
    Connected,
    Ended,
}
