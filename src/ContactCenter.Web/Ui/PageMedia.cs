using System.Text.Json.Serialization;
using Microsoft.JSInterop;

namespace ContactCenter.Web.Ui;

/// <summary>
/// The C# side of wwwroot/js/cc-page.js, one per circuit: local capture and the hand-over to the browser SDK
/// (contactcenter-rtc.js) once it exists. JS failures become a <see cref="MediaStepResult"/>, never an exception.
/// </summary>
public sealed class PageMedia : IAsyncDisposable
{
    public const string ModulePath = "./js/cc-page.js";

    private readonly IJSRuntime _js;
    private IJSObjectReference? _module;

    public PageMedia(IJSRuntime js)
    {
        _js = js;
    }

    public Task<MediaStepResult> RequestMicrophoneAsync() =>
        CallAsync<Permission>("requestMicrophone", p => new MediaStepResult(p.Granted, p.Error));

    /// <summary>Hands the participant token to the SDK. False (not an error) while there is no SDK.</summary>
    /// <remarks><paramref name="listener"/> (a DotNetObjectReference) gets OnMediaState(state, detail) calls: see cc-page.js.</remarks>
    public Task<MediaStepResult> ConnectAsync(string token, object? listener = null) =>
        CallAsync<SdkState>("connectMedia", s => new MediaStepResult(s.Sdk, null), token, listener);

    /// <summary>Keeps the customer's resume secret in this browser tab (sessionStorage).</summary>
    public async Task SaveResumeAsync(string callId, string secret)
    {
        try
        {
            var module = await GetModuleAsync();
            await module.InvokeVoidAsync("saveResume", callId, secret);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Without it a reload cannot rejoin; the call itself goes on.
        }
    }

    /// <summary>The call id and resume secret this tab kept, if any.</summary>
    public async Task<(string CallId, string Secret)?> LoadResumeAsync()
    {
        try
        {
            var module = await GetModuleAsync();
            var saved = await module.InvokeAsync<Resume?>("loadResume");
            return saved is { CallId: { Length: > 0 } callId, Secret: { Length: > 0 } secret } ? (callId, secret) : null;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The random id this browser keeps across calls (its caller history); null when the browser keeps nothing.</summary>
    public async Task<string?> GetCallerBrowserIdAsync()
    {
        try
        {
            var module = await GetModuleAsync();
            return await module.InvokeAsync<string?>("callerBrowserId");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return null;
        }
    }

    public async Task ClearResumeAsync()
    {
        try
        {
            var module = await GetModuleAsync();
            await module.InvokeVoidAsync("clearResume");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Nothing kept, nothing to clear.
        }
    }

    public Task<MediaStepResult> SetMicrophoneAsync(bool enabled) => CallAsync<Step>("setMicrophoneEnabled", ToResult, enabled);

    public Task<MediaStepResult> SetCameraAsync(bool enabled) => CallAsync<Step>("setCameraEnabled", ToResult, enabled);

    public Task<MediaStepResult> SetScreenShareAsync(bool enabled, object? callback = null) =>
        CallAsync<Step>("setScreenShare", ToResult, enabled, callback);

    /// <summary>
    /// What the browser really does now (microphone muted, camera, screen share), for a page that comes back during a
    /// call; <paramref name="callback"/> becomes the one told when screen sharing ends. Null when the page cannot answer.
    /// </summary>
    public async Task<MediaDeviceState?> GetDeviceStateAsync(object? callback = null)
    {
        try
        {
            var module = await GetModuleAsync();
            return await module.InvokeAsync<MediaDeviceState?>("mediaState", callback);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    public async Task StopAsync()
    {
        try
        {
            var module = await GetModuleAsync();
            await module.InvokeVoidAsync("stopMedia");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // The page or circuit is already gone, and the browser releases the devices with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // Circuit gone: the module reference went with it.
            }
        }
    }

    private static MediaStepResult ToResult(Step step) => new(step.Ok, step.Error);

    private async Task<IJSObjectReference> GetModuleAsync() =>
        _module ??= await _js.InvokeAsync<IJSObjectReference>("import", ModulePath);

    private async Task<MediaStepResult> CallAsync<T>(string function, Func<T, MediaStepResult> map, params object?[] args)
        where T : class
    {
        try
        {
            var module = await GetModuleAsync();
            var answer = await module.InvokeAsync<T?>(function, args);
            return answer is null ? new MediaStepResult(false, "The page's media helper did not answer.") : map(answer);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            return new MediaStepResult(false, ex.Message);
        }
    }

    private sealed record Permission([property: JsonPropertyName("granted")] bool Granted, [property: JsonPropertyName("error")] string? Error);

    private sealed record Resume([property: JsonPropertyName("callId")] string? CallId, [property: JsonPropertyName("secret")] string? Secret);

    private sealed record SdkState([property: JsonPropertyName("sdk")] bool Sdk);

    private sealed record Step([property: JsonPropertyName("ok")] bool Ok, [property: JsonPropertyName("error")] string? Error);
}
