using ContactCenter.Core.CallModes;

namespace ContactCenter.Core.Queue;

/// <summary>
/// Which supervisor action a call allows right now. The console disables the other buttons, and
/// <see cref="CallCenter"/> refuses them, from this one rule.
/// </summary>
public static class SupervisorActions
{
    public static CallMode? ModeOf(SupervisorAction action) => action switch
    {
        SupervisorAction.Monitor => CallMode.Monitor,
        SupervisorAction.Whisper => CallMode.Whisper,
        SupervisorAction.GroupWhisper => CallMode.GroupWhisper,
        SupervisorAction.Barge => CallMode.Barge,
        SupervisorAction.TakeOver => CallMode.TakeOver,
        SupervisorAction.Consult => CallMode.Consult,
        _ => null,
    };

    /// <summary>
    /// Null when <paramref name="supervisorUserId"/> may do <paramref name="action"/> on <paramref name="call"/>,
    /// otherwise why not (shown as the button's tooltip). <paramref name="selectedAgents"/> counts the agents picked
    /// for a group whisper.
    /// </summary>
    public static string? WhyNot(LiveCallView call, string supervisorUserId, SupervisorAction action, int selectedAgents = 0)
    {
        if (call.State != CallState.Connected)
        {
            return "The call is not connected yet.";
        }

        var present = call.HasSupervisor(supervisorUserId);
        if (action == SupervisorAction.Leave)
        {
            return present ? null : "You are not in this call.";
        }

        var mode = ModeOf(action)!.Value;
        if (present && call.Mode == mode && action != SupervisorAction.GroupWhisper)
        {
            return $"The call is already in {mode}.";
        }

        var hasAgent = call.Agents.Count > 0;
        return action switch
        {
            SupervisorAction.Monitor or SupervisorAction.Whisper or SupervisorAction.Barge or SupervisorAction.Consult when !hasAgent =>
                "The call has no agent.",
            SupervisorAction.GroupWhisper when selectedAgents == 0 => "Select the agents to coach.",
            _ => null,
        };
    }

    public static bool IsAllowed(LiveCallView call, string supervisorUserId, SupervisorAction action, int selectedAgents = 0) =>
        WhyNot(call, supervisorUserId, action, selectedAgents) is null;
}
