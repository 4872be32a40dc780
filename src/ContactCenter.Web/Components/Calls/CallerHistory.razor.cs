using ContactCenter.Core.Desks;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Calls;

/// <summary>The caller's earlier calls (same phone number or same browser), with their codes and notes.</summary>
public partial class CallerHistory
{
    private IReadOnlyList<CallRecord>? _calls;
    private string? _loadedFor;

    [Inject]
    private WrapUpDesk Desk { get; set; } = default!;

    [Parameter, EditorRequired]
    public string CallerKey { get; set; } = "";

    /// <summary>The call on the desk, left out of its own history.</summary>
    [Parameter]
    public string? ExceptCallId { get; set; }

    [Parameter]
    public string? Class { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var key = $"{CallerKey}|{ExceptCallId}";
        if (_loadedFor == key)
        {
            return;
        }

        _loadedFor = key;
        _calls = null;
        _calls = await Desk.GetCallerHistoryAsync(CallerKey, ExceptCallId);
    }
}
