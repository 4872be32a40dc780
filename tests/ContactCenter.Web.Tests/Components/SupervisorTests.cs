using System.Security.Claims;
using Bunit;
using ContactCenter.Core.Auditing;
using ContactCenter.Core.CallModes;
using ContactCenter.Core.Monitoring;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Pages;
using ContactCenter.Web.Components.Shared;
using ContactCenter.Web.Identity;
using ContactCenter.Web.Tests.Infrastructure;
using ContactCenter.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ContactCenter.Web.Tests.Components;

/// <summary>
/// The supervisor console over a real call center on the real host's database (an SQLite file), whose scopes a test
/// can make fail as a lost database would.
/// </summary>
public sealed class SupervisorTests : MudTestContext
{
    private static readonly StaffMember Alice = new("u-alice", "Alice", IsAgent: true, IsSupervisor: false);

    private readonly Host _host;

    public SupervisorTests()
        : this(new Host())
    {
    }

    private SupervisorTests(Host host)
        : base(host.Register)
    {
        _host = host;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Auth.SetAuthorized("sue@demo.local").SetRoles(AppRoles.Supervisor).SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-sue"));
    }

    [Fact]
    public async Task ApplyAsync_CallCenterThrows_ErrorSnackbarAndThePageGoesOn()
    {
        await _host.Center.SetAgentStatusAsync(Alice, AgentStatus.Available);
        var started = await _host.Center.StartWebCallAsync("Carol");
        Assert.True(started.IsSuccess, started.ToString());
        var call = started.Value!;
        Assert.True((await _host.Center.AcceptAsync(Alice, call.CallId)).IsSuccess);
        var cut = Render<Supervisor>();
        cut.WaitForAssertion(() => Assert.Equal(Labels.Mode(CallMode.FullyWired), cut.Find("[data-testid=row-mode]").TextContent));

        _host.Scopes.Fail = true;
        await cut.Find("[data-testid=action-monitor]").ClickAsync(new MouseEventArgs());

        var snackbar = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(Severity.Error, snackbar.Severity);
        Assert.Contains("did not work", snackbar.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("database", snackbar.Message, StringComparison.OrdinalIgnoreCase);

        // Not frozen: the buttons work again, and the next try goes through.
        _host.Scopes.Fail = false;
        await cut.Find("[data-testid=action-monitor]").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(Labels.Mode(CallMode.Monitor), cut.Find("[data-testid=row-mode]").TextContent));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _host.DisposeAsync();
    }

    /// <summary>The host, and a call center of the test's own whose scopes come from it.</summary>
    private sealed class Host : IAsyncDisposable
    {
        private readonly ApiFactory _factory = new();

        public Host()
        {
            Scopes = new FailingScopes(_factory.Services.GetRequiredService<ICallScopeFactory>());
            Center = new CallCenter(
                Scopes,
                _factory.Services.GetRequiredService<Core.Usage.IUsageLog>(),
                TimeProvider.System,
                Options.Create(new CallCenterOptions { AccountId = ApiFactory.DemoAccount }),
                NullLogger<CallCenter>.Instance);
        }

        public FailingScopes Scopes { get; }

        public CallCenter Center { get; }

        public void Register(IServiceCollection services)
        {
            services.AddSingleton(Center);
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<IMediaSnapshotSource>(new FakeSnapshotSource());
            services.AddSingleton(_factory.Services.GetRequiredService<IModeAuditLog>());
            services.AddSingleton(new MediaTokenIssuer(_factory.Services.GetRequiredService<IServiceScopeFactory>()));
            services.AddScoped<PageMedia>();
            services.AddSingleton(_factory.Services.GetRequiredService<Core.Desks.IDeskStore>());
            services.AddSingleton(_factory.Services.GetRequiredService<StaffDirectory>());
            services.AddSingleton(new Core.Desks.AgentStateClock(Center, TimeProvider.System));
            services.AddLogging();
        }

        public async ValueTask DisposeAsync()
        {
            Center.Dispose();
            var folder = _factory.Folder;
            await _factory.DisposeAsync();
            ApiFactory.DeleteFolder(folder);
        }
    }

    /// <summary>The host's scopes, or, while <see cref="Fail"/> is set, an error as from a database that went away.</summary>
    private sealed class FailingScopes(ICallScopeFactory inner) : ICallScopeFactory
    {
        public bool Fail { get; set; }

        public ICallScope Open() => Fail ? throw new InvalidOperationException("The database is unavailable.") : inner.Open();
    }
}
