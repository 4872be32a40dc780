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
}
