using ContactCenter.Core.Auditing;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Supervision;

public partial class ModeAuditList
{
    [Parameter]
    public IReadOnlyList<ModeChangeAudit> Entries { get; set; } = [];
}
