using ContactCenter.Core.CallModes;
using ContactCenter.Web.Components.Shared;
using ContactCenter.Web.Ui.Admin;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Admin;

/// <summary>Every session with its members' tags and permissions.</summary>
public partial class SessionsPanel
{
    private IReadOnlyList<SessionRow>? _sessions;
    private bool _loading;

    [Inject]
    private AdminDirectory Directory { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string Short(string id) => id.Length > 8 ? id[..8] + "…" : id;

    private static string ModeText(string? mode) =>
        mode is null ? "—" : Enum.TryParse<CallMode>(mode, out var known) ? Labels.Mode(known) : mode;

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _sessions = await Directory.ListSessionsAsync();
        }
        finally
        {
            _loading = false;
        }
    }
}
