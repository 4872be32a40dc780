using ContactCenter.Core.Desks;
using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ContactCenter.Web.Components.Calls;

/// <summary>The desk in Wrap-up: loads the agent's last call and the codes, and submits the agent's choice.</summary>
public partial class WrapUpCard
{
    private WrapUp? _wrapUp;
    private bool _loaded;
    private bool _busy;
    private DateTimeOffset? _loadedUntil;

    [Inject]
    private WrapUpDesk Desk { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public StaffMember Me { get; set; } = default!;

    /// <summary>When this wrap-up ends (from the desk view): a new value means a new wrap-up to load.</summary>
    [Parameter]
    public DateTimeOffset? Until { get; set; }

    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>Called after a successful submission (the agent is Available).</summary>
    [Parameter]
    public EventCallback OnDone { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded && _loadedUntil == Until)
        {
            return;
        }

        _loadedUntil = Until;
        _wrapUp = await Desk.GetAsync(Me);
        _loaded = true;
    }

    private async Task SubmitAsync((string? CodeId, string Note) choice)
    {
        if (_wrapUp is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Desk.SubmitAsync(Me, _wrapUp.Call.CallId, choice.CodeId, choice.Note);
            if (!result.IsSuccess)
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
                return;
            }

            _wrapUp = null;
            await OnDone.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
