using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Calls;

public partial class CallerStatus
{
    [Parameter]
    [EditorRequired]
    public CallerView View { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>The customer hears nobody right now (their agent consults a supervisor): tell them to hold.</summary>
    [Parameter]
    public bool OnHold { get; set; }

    /// <summary>The page's media could not connect (a firewall or NAT): say so instead of "Connected".</summary>
    [Parameter]
    public bool MediaBlocked { get; set; }
}
