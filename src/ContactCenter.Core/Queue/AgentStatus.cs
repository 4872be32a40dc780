namespace ContactCenter.Core.Queue;

/// <summary>
/// An agent's state. <see cref="Away"/>, <see cref="Available"/> and <see cref="Busy"/> are what the agent says;
/// <see cref="OnCall"/> and <see cref="WrapUp"/> are set by the call center (while on a call, and for
/// <see cref="CallCenterOptions.WrapUpSeconds"/> after it). Only idle <see cref="Available"/> agents are offered calls.
/// </summary>
public enum AgentStatus
{
    Away,
    Available,
    Busy,
    OnCall,
    WrapUp,
}
