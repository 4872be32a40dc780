using ContactCenter.Core.Agents;
using ContactCenter.Core.Desks;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Calls;
using ContactCenter.Web.Components.Shared;
using ContactCenter.Web.Identity;
using ContactCenter.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ContactCenter.Web.Components.Pages;

public partial class Agent : LiveComponentBase
{
    private StaffMember? _me;
    private AgentDeskView? _desk;
    private bool _busy;
    private bool _muted;
    private bool _cameraOn;
    private bool _sharing;
    private string _digits = "";
    private string? _dtmfCallId;
    private IDisposable? _dtmf;
    private DotNetObjectReference<Agent>? _self;
    private string? _mediaState;
    private string? _mediaDetail;
    private bool _rejoining;
    private readonly DeskWatch _watch = new();
    private string? _notifications;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PageMedia Media { get; set; } = default!;

    [Inject]
    private MediaTokenIssuer Tokens { get; set; } = default!;

    [Inject]
    private IDtmfFeed Dtmf { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private OfferAlerts Alerts { get; set; } = default!;

    [Inject]
    private WrapUpDesk WrapUps { get; set; } = default!;

    protected override TimeSpan? ClockInterval => TimeSpan.FromSeconds(1);

    private int WaitingCount => Center.ActiveCalls.Count(c => c.State is CallState.Waiting or CallState.Offered);

    /// <summary>cc-page.js calls this when the person stops sharing from the browser's own bar.</summary>
    [JSInvokable]
    public Task OnScreenShareEnded() => InvokeAsync(() =>
    {
        _sharing = false;
        StateHasChanged();
    });

    /// <summary>cc-page.js reports the media state: reconnecting until audio arrives, then flowing.</summary>
    [JSInvokable]
    public Task OnMediaState(string state, string? detail) => InvokeAsync(() =>
    {
        _mediaState = state;
        _mediaDetail = detail;
        StateHasChanged();
    });

    protected override async Task OnInitializedAsync()
    {
        _me = StaffIdentity.FromPrincipal((await AuthenticationState).User);
        Refresh();
    }

    /// <summary>
    /// A desk opened (or reloaded) while its agent is in a call rejoins the call's media as the same participant,
    /// with a new token: the call went on without this page.
    /// </summary>
    private async Task ConnectMediaAsync(string participantId)
    {
        var microphone = await Media.RequestMicrophoneAsync();
        if (!microphone.Ok)
        {
            Snackbar.Add($"Microphone: {microphone.Error}", Severity.Warning);
        }

        _self ??= DotNetObjectReference.Create(this);
        _mediaState = MediaStates.Reconnecting;
        if (await Tokens.IssueAsync(participantId) is { } token
            && await Media.ConnectAsync(token, _self) is { Ok: false, Error: { } mediaError })
        {
            _mediaState = null;
            Snackbar.Add($"Audio could not start: {mediaError}", Severity.Warning);
        }
    }

    protected override async Task OnLiveChangeAsync()
    {
        var hadCall = _desk?.Call is not null;
        Refresh();
        if (hadCall && _desk?.Call is null)
        {
            // The caller hung up: release the devices.
            await Media.StopAsync();
        }

        await AlertAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        if (RendererInfo.IsInteractive && _me is not null && _desk?.Call is { } call
            && call.Agents.FirstOrDefault(a => a.UserId == _me.UserId) is { } mine)
        {
            // Back on the desk during a call. After a visit to another page the browser's media kept going, so the
            // buttons show what it really does; after a reload (or a server restart) nothing is connected any more,
            // and the desk rejoins its call.
            _self ??= DotNetObjectReference.Create(this);
            if (await Media.GetDeviceStateAsync(_self) is { Connected: true } devices)
            {
                (_muted, _cameraOn, _sharing) = (devices.MicrophoneMuted, devices.Camera, devices.ScreenShare);
            }
            else
            {
                _rejoining = true;
                await ConnectMediaAsync(mine.ParticipantId);
            }
        }

        _notifications = await Alerts.PermissionAsync();
        await AlertAsync();
        StateHasChanged();
    }

    protected override void OnDisposing()
    {
        _dtmf?.Dispose();
        _self?.Dispose();
        _ = Alerts.StopAsync();

        // An agent without an open desk must not be offered calls; a call in progress stays up. The prerendered
        // instance going away is not the agent leaving.
        if (RendererInfo.IsInteractive && _me is not null && _desk?.Call is null)
        {
            _ = Center.SetAgentStatusAsync(_me, AgentStatus.Away);
        }
    }

    private void Refresh()
    {
        if (_me is null)
        {
            return;
        }

        _desk = Center.GetAgentDesk(_me.UserId);
        var callId = _desk.Call?.CallId;
        if (callId != _dtmfCallId)
        {
            _dtmf?.Dispose();
            _dtmf = null;
            _digits = "";
            _dtmfCallId = callId;
            if (callId is not null)
            {
                _dtmf = Dtmf.Subscribe(callId, digit => _ = InvokeAsync(() =>
                {
                    _digits += digit;
                    StateHasChanged();
                }));
            }
        }

        if (_desk.Call is null)
        {
            _muted = _cameraOn = _sharing = false;
            _mediaState = null;
        }
    }

    /// <summary>Rings, flashes the tab title and notifies while an offer stands; stops when it is answered or gone.</summary>
    private async Task AlertAsync()
    {
        if (_desk is null || !RendererInfo.IsInteractive)
        {
            return;
        }

        var change = _watch.Observe(_desk);
        if (change.StartRinging is { } offer)
        {
            await Alerts.StartAsync(offer.CallerName);
        }
        else if (change.StopRinging)
        {
            await Alerts.StopAsync();
        }
    }

    private async Task EnableNotificationsAsync() => _notifications = await Alerts.RequestPermissionAsync();

    private Task SetStatusAsync(AgentStatus status) => RunAsync(async me =>
    {
        _watch.AgentActed();
        var result = await WrapUps.SetStatusAsync(me, status);
        return result.IsSuccess ? null : result.Error.Message;
    });

    private Task AcceptAsync(string callId) => RunAsync(async me =>
    {
        var microphone = await Media.RequestMicrophoneAsync();
        if (!microphone.Ok)
        {
            Snackbar.Add($"Microphone: {microphone.Error}", Severity.Warning);
        }

        var accepted = await Center.AcceptAsync(me, callId);
        if (!accepted.IsSuccess)
        {
            return accepted.Error.Message;
        }

        _rejoining = false;
        await ConnectMediaAsync(accepted.Value.Agents.First(a => a.UserId == me.UserId).ParticipantId);
        return null;
    });

    private Task DeclineAsync(string callId) => RunAsync(async me =>
    {
        _watch.AgentActed();
        var result = await Center.DeclineAsync(me, callId);
        return result.IsSuccess ? null : result.Error.Message;
    });

    private Task HangUpAsync() => RunAsync(async me =>
    {
        if (_desk?.Call is not { } call)
        {
            return null;
        }

        var result = await Center.HangUpAsync(me, call.CallId);
        await Media.StopAsync();
        return result.IsSuccess ? null : result.Error.Message;
    });

    private Task ToggleMuteAsync() => RunAsync(async _ =>
    {
        var step = await Media.SetMicrophoneAsync(_muted);
        if (step.Ok)
        {
            _muted = !_muted;
        }

        return step.Ok ? null : step.Error;
    });

    private Task ToggleCameraAsync() => RunAsync(async _ =>
    {
        var step = await Media.SetCameraAsync(!_cameraOn);
        if (step.Ok)
        {
            _cameraOn = !_cameraOn;
        }

        return step.Ok ? null : $"Camera: {step.Error}";
    });

    private Task ToggleScreenShareAsync() => RunAsync(async _ =>
    {
        _self ??= DotNetObjectReference.Create(this);
        var step = await Media.SetScreenShareAsync(!_sharing, _self);
        if (step.Ok)
        {
            _sharing = !_sharing;
        }

        return step.Ok ? null : $"Screen share: {step.Error}";
    });

    /// <summary>Runs one button's action with the buttons disabled; a returned text is shown as an error.</summary>
    private async Task RunAsync(Func<StaffMember, Task<string?>> action)
    {
        if (_me is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            if (await action(_me) is { } error)
            {
                Snackbar.Add(error, Severity.Error);
            }
        }
        finally
        {
            _busy = false;
            Refresh();
            await AlertAsync();
            _watch.ActionDone();
        }
    }
}
