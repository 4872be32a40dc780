using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ContactCenter.Web.Tests.Components;

/// <summary>
/// The one base of the component tests: MudBlazor's services, JS interop in Loose mode (MudBlazor's own JS calls
/// answer with defaults), and the popover provider that tooltips and menus render into. Disposed asynchronously:
/// MudBlazor's popover service only implements IAsyncDisposable.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
        : this(null)
    {
    }

    /// <summary><paramref name="configure"/> adds a test's own services, before the first render resolves any.</summary>
    protected MudTestContext(Action<IServiceCollection>? configure)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        configure?.Invoke(Services);

        // Anonymous until a test says otherwise; it must be added before the first render resolves services.
        Auth = AddAuthorization();
        Render<MudPopoverProvider>();
    }

    protected BunitAuthorizationContext Auth { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
