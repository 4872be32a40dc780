using ContactCenter.Core.Queue;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Shared;

/// <summary>
/// A page that shows live call-center state: it subscribes to the <see cref="CallCenter"/> notifier for as long as
/// it is on screen, optionally ticks a clock (timers, matrix refresh), and re-renders on the renderer's context
/// (InvokeAsync), handing failures to the error boundary (DispatchExceptionAsync) instead of losing them.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private Timer? _clock;
    private bool _disposed;

    [Inject]
    protected CallCenter Center { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    protected DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>How often the page refreshes on its own (null: only on call-center changes).</summary>
    protected virtual TimeSpan? ClockInterval => null;

    /// <summary>
    /// What a clock tick reloads before the re-render; by default the same as a call-center change. A page whose
    /// clock only moves its timers overrides it with nothing, so that a tick reads no store.
    /// </summary>
    protected virtual Task OnClockTickAsync() => OnLiveChangeAsync();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _subscription?.Dispose();
        _clock?.Dispose();
        OnDisposing();
        GC.SuppressFinalize(this);
    }

    protected override void OnInitialized()
    {
        // A prerendered instance is thrown away right after its HTML is sent: it must not listen or tick.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _subscription = Center.Subscribe(() => RefreshAsync(OnLiveChangeAsync));
        if (ClockInterval is { } interval)
        {
            _clock = new Timer(_ => _ = RefreshAsync(OnClockTickAsync), null, interval, interval);
        }
    }

    /// <summary>Reloads what the page shows; runs on the renderer's context before each live re-render.</summary>
    protected virtual Task OnLiveChangeAsync() => Task.CompletedTask;

    /// <summary>The page goes away (navigation, closed tab, lost circuit).</summary>
    protected virtual void OnDisposing()
    {
    }

    private async Task RefreshAsync(Func<Task> reload)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await InvokeAsync(async () =>
            {
                if (!_disposed)
                {
                    await reload();
                    StateHasChanged();
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the check and the render: nothing left to update.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }
}
