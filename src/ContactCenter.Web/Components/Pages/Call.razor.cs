using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Shared;
using ContactCenter.Web.Protection;
using ContactCenter.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ContactCenter.Web.Components.Pages;

public partial class Call : LiveComponentBase
{
    private string? _name;
    private string? _error;
    private string? _mediaWarning;
    private bool _busy;
    private string? _callId;
    private CallerView? _view;

    [Inject]
    private PageMedia Media { get; set; } = default!;

    [Inject]
    private MediaTokenIssuer Tokens { get; set; } = default!;

    [Inject]
    private CallStartLimiter CallStarts { get; set; } = default!;

    [Inject]
    private CircuitClientAddress Client { get; set; } = default!;

    protected override TimeSpan? ClockInterval => TimeSpan.FromSeconds(1);

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
            // The agent hung up: release the microphone.
            await Media.StopAsync();
        }
    }

    /// <summary>The caller closed the page (or lost the connection for good): a call nobody is on must not wait.</summary>
    protected override void OnDisposing()
    {
        if (_callId is not null && _view?.State != CallState.Ended)
        {
            _ = Center.CallerHangUpAsync(_callId);
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

            var started = await Center.StartWebCallAsync(_name ?? "");
            if (!started.IsSuccess)
            {
                _error = started.Error.Message;
                await Media.StopAsync();
                return;
            }

            _callId = started.Value.CallId;
            _view = Center.GetCallerView(_callId);
            if (await Tokens.IssueAsync(started.Value.ParticipantId) is { } token
                && await Media.ConnectAsync(token) is { Ok: false, Error: { } mediaError })
            {
                _mediaWarning = $"Audio could not start: {mediaError}";
            }
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
        _callId = null;
        _view = null;
    }
}
