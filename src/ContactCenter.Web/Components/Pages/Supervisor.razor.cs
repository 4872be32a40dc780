using ContactCenter.Core.Auditing;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Shared;
using ContactCenter.Web.Components.Supervision;
using ContactCenter.Web.Identity;
using ContactCenter.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ContactCenter.Web.Components.Pages;

public partial class Supervisor : LiveComponentBase
{
    private StaffMember? _me;
    private IReadOnlyList<LiveCallView>? _calls;
    private string? _selectedId;
    private LiveCallView? _selected;
    private IReadOnlyList<ModeChangeAudit> _audit = [];
    private bool _busy;
    private bool _muted;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IModeAuditLog AuditLog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<Supervisor> Logger { get; set; } = default!;

    [Inject]
    private PageMedia Media { get; set; } = default!;

    [Inject]
    private MediaTokenIssuer Tokens { get; set; } = default!;

    /// <summary>The participant this page's media is connected as (the supervisor's in one call), if any.</summary>
    private string? _mediaParticipantId;
    private DotNetObjectReference<Supervisor>? _self;
    private string? _mediaState;
    private string? _mediaDetail;
    private bool _rejoining;

    /// <summary>cc-page.js reports the media state: reconnecting until audio arrives, then flowing.</summary>
    [JSInvokable]
    public Task OnMediaState(string state, string? detail) => InvokeAsync(() =>
    {
        _mediaState = state;
        _mediaDetail = detail;
        StateHasChanged();
    });

    /// <summary>A console opened (or reloaded) while its supervisor is in a call rejoins that call's media as the same participant.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || _me is null
            || Center.ActiveCalls.SelectMany(c => c.Supervisors).FirstOrDefault(s => s.UserId == _me.UserId) is not { } mine)
        {
            return;
        }

        _rejoining = true;
        await FollowMediaAsync(mine.ParticipantId);
        StateHasChanged();
    }

    protected override void OnDisposing() => _self?.Dispose();

    /// <summary>The durations move once a second; the matrix follows its own events (<see cref="LiveWhoHearsWhom"/>).</summary>
    protected override TimeSpan? ClockInterval => TimeSpan.FromSeconds(1);

    /// <summary>
    /// A tick re-reads the call center's in-memory list (durations, and a call that ended without a notice) but
    /// neither the media plane nor the audit log, unless the call shown changed.
    /// </summary>
    protected override Task OnClockTickAsync() => ReloadAsync(readAudit: false);

    private IReadOnlyList<LiveCallView> Waiting =>
        _calls?.Where(c => c.State is CallState.Waiting or CallState.Offered).ToList() ?? [];

    protected override async Task OnInitializedAsync()
    {
        _me = StaffIdentity.FromPrincipal((await AuthenticationState).User);
        await OnLiveChangeAsync();
    }

    protected override Task OnLiveChangeAsync() => ReloadAsync(readAudit: true);

    private async Task ReloadAsync(bool readAudit)
    {
        var shown = _selected?.CallId;
        _calls = Center.ActiveCalls;
        if (_mediaParticipantId is not null && !_calls.Any(c => c.Supervisors.Any(s => s.ParticipantId == _mediaParticipantId)))
        {
            // The call ended (or someone else removed us): release the devices.
            _mediaParticipantId = null;
            _muted = false;
            await Media.StopAsync();
        }

        // Keep the chosen call; otherwise follow the call this supervisor is in, or the first connected one.
        _selected = _calls.FirstOrDefault(c => c.CallId == _selectedId)
            ?? _calls.FirstOrDefault(c => _me is not null && c.HasSupervisor(_me.UserId))
            ?? _calls.FirstOrDefault(c => c.State == CallState.Connected);
        _selectedId = _selected?.CallId;
        if (_selected is null)
        {
            _audit = [];
            return;
        }

        if (readAudit || shown != _selected.CallId)
        {
            _audit = await AuditLog.ListAsync(Center.AccountId, _selected.CallId);
        }
    }

    /// <summary>
    /// Connects this page's microphone and speakers as the supervisor's participant when it joined a call, and
    /// disconnects when it left. Who hears the supervisor is the server's decision (the mode), never this page's.
    /// </summary>
    private async Task FollowMediaAsync(string? participantId)
    {
        if (participantId == _mediaParticipantId)
        {
            return;
        }

        await Media.StopAsync();
        _mediaParticipantId = null;
        _muted = false;
        if (participantId is null)
        {
            return;
        }

        var microphone = await Media.RequestMicrophoneAsync();
        if (!microphone.Ok)
        {
            Snackbar.Add($"Microphone: {microphone.Error}", Severity.Warning);
        }

        _mediaParticipantId = participantId;
        _self ??= DotNetObjectReference.Create(this);
        _mediaState = MediaStates.Reconnecting;
        if (await Tokens.IssueAsync(participantId) is { } token && await Media.ConnectAsync(token, _self) is { Ok: false, Error: { } error })
        {
            _mediaState = null;
            Snackbar.Add($"Audio could not start: {error}", Severity.Warning);
        }
    }

    private static string StateText(LiveCallView call) => call.State switch
    {
        CallState.Offered => "Ringing",
        CallState.Waiting => $"Waiting · #{call.Position} in line",
        _ => call.State.ToString(),
    };

    private string RowClass(LiveCallView call, int index) => call.CallId == _selectedId ? "cc-selected" : "";

    private async Task OnRowClick(TableRowClickEventArgs<LiveCallView> args)
    {
        if (args.Item is { } call)
        {
            _selectedId = call.CallId;
            await OnLiveChangeAsync();
        }
    }

    /// <summary>The supervisor's own microphone, whatever the mode: a coach can cough without the agent hearing it.</summary>
    private async Task ToggleMuteAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var step = await Media.SetMicrophoneAsync(_muted);
            if (step.Ok)
            {
                _muted = !_muted;
            }
            else
            {
                Snackbar.Add($"Microphone: {step.Error}", Severity.Error);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyAsync(SupervisorActionRequest request)
    {
        if (_me is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Center.ApplySupervisorActionAsync(_me, request.CallId, request.Action, request.CoachedAgentIds);
            if (!result.IsSuccess)
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
            }
            else
            {
                _selectedId = request.CallId;
                _rejoining = false;
                await FollowMediaAsync(result.Value.Supervisors.FirstOrDefault(s => s.UserId == _me.UserId)?.ParticipantId);
            }
        }
        catch (Exception ex)
        {
            // Not the circuit's to handle: that would end the page. The supervisor can try again.
            SupervisorLog.ActionFailed(Logger, ex, request.Action, request.CallId);
            Snackbar.Add($"{Labels.Action(request.Action)} did not work: the server could not change this call. Please try again.", Severity.Error);
        }
        finally
        {
            _busy = false;
            await OnLiveChangeAsync();
        }
    }
}
