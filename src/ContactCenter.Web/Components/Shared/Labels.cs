using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Components.Shared;

/// <summary>The words people read for the system's enum names and tags (never "FullyWired" or "web-caller").</summary>
public static class Labels
{
    public static string Mode(CallMode mode) => mode switch
    {
        CallMode.FullyWired => "Fully wired",
        CallMode.GroupWhisper => "Group whisper",
        CallMode.TakeOver => "Take over",
        _ => mode.ToString(),
    };

    public static string Mode(CallMode? mode) => mode is { } known ? Mode(known) : "—";

    public static string Action(SupervisorAction action) => action switch
    {
        SupervisorAction.TakeOver => "Take over",
        SupervisorAction.GroupWhisper => "Group whisper",
        _ => action.ToString(),
    };

    /// <summary>
    /// How the customer reached us, from the customer participant's tag ("web-caller", "phone" by default; both are
    /// settings, so any tag naming the web or a phone is read the same way).
    /// </summary>
    public static string Channel(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return "Call";
        }

        if (tag.Contains("web", StringComparison.OrdinalIgnoreCase))
        {
            return "Web call";
        }

        return tag.Contains("phone", StringComparison.OrdinalIgnoreCase) || tag.Contains("sip", StringComparison.OrdinalIgnoreCase)
            ? "Phone call"
            : "Call";
    }

    /// <summary>A published stream, as the listener experiences it.</summary>
    public static string Stream(string alias) => alias switch
    {
        "microphone" => "voice",
        "camera" => "camera",
        "screenShare" => "screen",
        _ => alias,
    };
}
