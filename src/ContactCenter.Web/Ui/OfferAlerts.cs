using Microsoft.JSInterop;

namespace ContactCenter.Web.Ui;

/// <summary>
/// The C# side of wwwroot/js/cc-alerts.js, one per circuit: the ring tone, the flashing tab title and the browser
/// notification of an offered call. A page or circuit that is gone makes these calls do nothing, never throw.
/// </summary>
public sealed class OfferAlerts : IAsyncDisposable
{
    public const string ModulePath = "./js/cc-alerts.js";

    private readonly IJSRuntime _js;
    private IJSObjectReference? _module;

    public OfferAlerts(IJSRuntime js)
    {
        _js = js;
    }

    public Task StartAsync(string callerName) => CallAsync("startOfferAlert", callerName);

    public Task StopAsync() => CallAsync("stopOfferAlert");

    /// <summary>"granted", "denied", "default" (not asked yet) or "unsupported"; "unknown" when the page cannot answer.</summary>
    public Task<string> PermissionAsync() => AskAsync("notificationPermission");

    /// <summary>Shows the browser's permission prompt (started by the click itself, see cc-alerts.js) and returns the answer.</summary>
    public Task<string> RequestPermissionAsync() => AskAsync("requestNotifications");

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stopOfferAlert");
                await _module.DisposeAsync();
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
            {
                // Circuit gone: the page and its sounds went with it.
            }
        }
    }

    private async Task CallAsync(string function, params object?[] args)
    {
        try
        {
            _module ??= await _js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await _module.InvokeVoidAsync(function, args);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // An alert that cannot play must not break the desk: the offer card is still on screen.
        }
    }

    private async Task<string> AskAsync(string function)
    {
        try
        {
            _module ??= await _js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            return await _module.InvokeAsync<string?>(function) ?? "unknown";
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            return "unknown";
        }
    }
}
