using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ContactCenter.Web.Components.Calls;

public partial class AgentStatusSwitch
{
    private static readonly AgentStatus[] s_statuses = [AgentStatus.Available, AgentStatus.Busy, AgentStatus.Away];

    [Parameter]
    public AgentStatus Status { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public EventCallback<AgentStatus> OnChange { get; set; }

    private static Color ColorOf(AgentStatus status) => status switch
    {
        AgentStatus.Available => Color.Success,
        AgentStatus.Busy => Color.Warning,
        _ => Color.Default,
    };
}
