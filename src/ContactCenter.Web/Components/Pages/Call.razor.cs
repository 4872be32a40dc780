using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Shared;
using ContactCenter.Web.Protection;
using ContactCenter.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace ContactCenter.Web.Components.Pages;

public partial class Call : LiveComponentBase
{
    private string? _name;
    private string? _error;
    private string? _mediaWarning;
    private bool _busy;
    private string? _callId;
    private CallerView? _view;
    private DotNetObjectReference<Call>? _self;
    private string? _mediaState;
    private string? _mediaDetail;
    private bool _rejoining;

    [Inject]
    private PageMedia Media { get; set; } = default!;

    [Inject]
    private MediaTokenIssuer Tokens { get; set; } = default!;

    [Inject]
    private CallStartLimiter CallStarts { get; set; } = default!;

    [Inject]
    private CircuitClientAddress Client { get; set; } = default!;

    protected override TimeSpan? ClockInterval => TimeSpan.FromSeconds(1);

    /// <summary>cc-page.js reports the media state: reconnecting until audio arrives, then flowing.</summary>
    [JSInvokable]
    public Task OnMediaState(string state, string? detail) => InvokeAsync(() =>
    {
        _mediaState = state;
        _mediaDetail = detail;
        StateHasChanged();
    });

    /// <summary>
    /// During a consult the customer hears nobody, so their page says so. Read on the server from the staff view: the
    /// page shows only "Please hold", never the mode or who is in the call.
    /// </summary>
    private bool OnHold => _callId is not null && Center.GetCall(_callId)?.Mode == CallMode.Consult;

    protected override async Task OnLiveChangeAsync()
    {
        if (_callId is null)
        {
            return;
        }

        var wasEnded = _view?.State == CallState.Ended;
        _view = Center.GetCallerView(_callId);
        if (!wasEnded && _view?.State == CallState.Ended)
        {
            // The agent hung up: release the microphone, and this tab has no call to resume any more.
            await Media.StopAsync();
            await Media.ClearResumeAsync();
        }
    }

    /// <summary>
    /// A reloaded page rejoins its call with the resume secret only this tab kept: the same participant, a new token.
    /// A secret that is not (or no longer) good is refused with the reason, and whoever holds the call keeps it.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || _callId is not null || await Media.LoadResumeAsync() is not { } saved)
        {
            return;
        }

        var resumed = await Center.ResumeCallerAsync(saved.CallId, saved.Secret);
        if (!resumed.IsSuccess)
        {
            await Media.ClearResumeAsync();
            _error = resumed.Error.Message;
            StateHasChanged();
            return;
        }

        _rejoining = true;
        await JoinAsync(resumed.Value);
        StateHasChanged();
    }

    /// <summary>
    /// The page went away (closed, reloaded, circuit lost). The call does not end here: the customer's media
    /// connection is what counts (CallPresenceObserver), and a customer whose page does not come back within the grace
    /// period ends the call. The circuit may be disposed long after a reloaded page reconnected, so it says nothing.
    /// </summary>
    protected override void OnDisposing() => _self?.Dispose();

    private async Task JoinAsync(NewWebCall call)
    {
        _callId = call.CallId;
        _view = Center.GetCallerView(_callId);
        await Media.SaveResumeAsync(call.CallId, call.ResumeSecret);
        var microphone = await Media.RequestMicrophoneAsync();
        if (!microphone.Ok)
        {
            _mediaWarning = $"We need your microphone for the call. {microphone.Error}";
        }

        _self ??= DotNetObjectReference.Create(this);
        if (await Tokens.IssueAsync(call.ParticipantId) is { } token
            && await Media.ConnectAsync(token, _self) is { Ok: false, Error: { } mediaError })
        {
            _mediaWarning = $"Audio could not start: {mediaError}";
        }
    }

    private async Task OnNameKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !_busy && !string.IsNullOrWhiteSpace(_name))
        {
            await StartAsync();
        }
    }

    private async Task StartAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            if (CallStarts.TryStart(Client.Address) is { } refused)
            {
                _error = refused;
                return;
            }

            var microphone = await Media.RequestMicrophoneAsync();
            if (!microphone.Ok)
            {
                _error = $"We need your microphone for the call. {microphone.Error}";
                return;
            }

            var started = await Center.StartWebCallAsync(_name ?? "", await Media.GetCallerBrowserIdAsync());
            if (!started.IsSuccess)
            {
                _error = started.Error.Message;
                await Media.StopAsync();
                return;
            }

            _rejoining = false;
            await JoinAsync(started.Value);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task HangUpAsync()
    {
        if (_callId is null)
        {
            return;
        }

        _busy = true;
        try
        {
            await Center.CallerHangUpAsync(_callId);
            await Media.StopAsync();
            await Media.ClearResumeAsync();
            _view = Center.GetCallerView(_callId);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Reset()
    {
        _mediaWarning = null;
        _mediaState = null;
        _callId = null;
        _view = null;
    }
}
