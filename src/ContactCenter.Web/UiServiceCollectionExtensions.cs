using ContactCenter.Core.Desks;
using ContactCenter.Core.Monitoring;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Usage;
using ContactCenter.Data;
using ContactCenter.Web.Components;
using ContactCenter.Web.Identity;
using ContactCenter.Web.Ui;
using ContactCenter.Web.Ui.Admin;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace ContactCenter.Web;

public static class UiServiceCollectionExtensions
{
    /// <summary>
    /// The people-facing application: Blazor Server with MudBlazor, sign-in with Identity, the call queue and the
    /// page services.
    /// </summary>
    public static WebApplicationBuilder AddContactCenterUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // The host runs from the repository (./run.sh is `dotnet run -c Release`), not from a publish folder, so
        // blazor.web.js and MudBlazor's files live where the build's static web assets manifest says, not in the
        // root wwwroot. ASP.NET Core reads that manifest only in Development by itself; a published host has none,
        // and then this does nothing.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.AddContactCenterIdentity();

        services.AddOptions<CallCenterOptions>()
            .BindConfiguration(CallCenterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Before the queue's in-memory default: usage is billing data and belongs in the database.
        services.AddSingleton<IUsageLog, EfUsageLog>();
        services.AddScoped<IContactCenterSeeder, OpenUsageCloser>();
        services.AddContactCenterQueue();
        services.AddContactCenterDesks();
        services.AddHostedService<AgentStateClockStarter>();
        services.TryAddSingleton<StaffDirectory>();
        services.AddHostedService<QueueTicker>();
        services.TryAddSingleton<IMediaSnapshotSource, PlannedEdgesSnapshotSource>();
        services.TryAddSingleton<MediaTokenIssuer>();
        services.TryAddSingleton<AdminDirectory>();
        services.TryAddScoped<PageMedia>();
        services.TryAddScoped<OfferAlerts>();
        return builder;
    }

    public static WebApplication UseContactCenterUi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStaticFiles();

        // Antiforgery tokens are bound to the signed-in user, so the user must be known before they are checked.
        // Authorization stays with the API's pipeline step, after its error-body middleware.
        app.UseAuthentication();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapUsageEndpoints();
        // Our Content-Security-Policy (SecurityHeaders) carries frame-ancestors; Blazor's own header would be a second policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
