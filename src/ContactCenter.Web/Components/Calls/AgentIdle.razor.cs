using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Calls;

/// <summary>The desk without a call or offer: the status hint, how many callers wait, and a missed-call notice.</summary>
public partial class AgentIdle
{
    [Parameter]
    public AgentStatus Status { get; set; }

    /// <summary>Callers waiting or ringing in the queue.</summary>
    [Parameter]
    public int Waiting { get; set; }

    [Parameter]
    public bool MissedCall { get; set; }

    /// <summary>The browser's notification permission ("default" shows the button that asks for it).</summary>
    [Parameter]
    public string? NotificationPermission { get; set; }

    [Parameter]
    public EventCallback OnEnableNotifications { get; set; }

    public static string WaitingText(int waiting) => waiting switch
    {
        0 => "Nobody is waiting.",
        1 => "1 caller is waiting.",
        _ => $"{waiting} callers are waiting.",
    };
}
