using ContactCenter.Core.Desks;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Calls;

/// <summary>
/// The wrap-up on the desk: the disposition codes (one must be picked whenever the admin configured any), a note,
/// the time left, and Done. What happens on Done is the parent's (<see cref="OnSubmit"/>).
/// </summary>
public partial class WrapUpForm
{
    private string? _codeId;
    private string? _note;
    private string? _callId;

    [Parameter, EditorRequired]
    public WrapUp WrapUp { get; set; } = default!;

    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>The picked code (null: none) and the note.</summary>
    [Parameter]
    public EventCallback<(string? CodeId, string Note)> OnSubmit { get; set; }

    /// <summary>Time left until the wrap-up ends by itself; null without a time limit.</summary>
    public TimeSpan? Remaining => WrapUp.Until is { } until ? until - Now > TimeSpan.Zero ? until - Now : TimeSpan.Zero : null;

    public bool CanSubmit => !Busy && (!WrapUp.CodeRequired || _codeId is not null);

    protected override void OnParametersSet()
    {
        if (_callId != WrapUp.Call.CallId)
        {
            (_callId, _codeId, _note) = (WrapUp.Call.CallId, null, null);
        }
    }

    private void PickCode(string? codeId) => _codeId = codeId;

    private Task SubmitAsync() => CanSubmit ? OnSubmit.InvokeAsync((_codeId, _note ?? "")) : Task.CompletedTask;
}
