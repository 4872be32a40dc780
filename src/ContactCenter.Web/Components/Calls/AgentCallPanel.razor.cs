using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Calls;

/// <summary>The agent's live call: customer, timer, whisper indicator, device buttons, hang up, DTMF digits.</summary>
public partial class AgentCallPanel
{
    [Parameter]
    [EditorRequired]
    public LiveCallView Call { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public bool IsWhispered { get; set; }

    [Parameter]
    public bool Muted { get; set; }

    [Parameter]
    public bool CameraOn { get; set; }

    [Parameter]
    public bool Sharing { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public string? Digits { get; set; }

    [Parameter]
    public EventCallback OnToggleMute { get; set; }

    [Parameter]
    public EventCallback OnToggleCamera { get; set; }

    [Parameter]
    public EventCallback OnToggleScreenShare { get; set; }

    [Parameter]
    public EventCallback OnHangUp { get; set; }
}
