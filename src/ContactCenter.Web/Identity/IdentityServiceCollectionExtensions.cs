using ContactCenter.Data;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Web.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on the application database, its cookie as the default scheme of the UI (the REST API's
    /// policy names its own Basic scheme), the role policies, and the demo-user seeder.
    /// </summary>
    public static WebApplicationBuilder AddContactCenterIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddOptions<StaffSignInOptions>().BindConfiguration(StaffSignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var signIn = builder.Configuration.GetSection(StaffSignInOptions.SectionName).Get<StaffSignInOptions>() ?? new StaffSignInOptions();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cc.auth";
            o.LoginPath = "/signin";
            o.LogoutPath = AccountEndpoints.SignOutPath;
            o.AccessDeniedPath = "/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = signIn.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(signIn.LockoutSeconds);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ContactCenterDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IContactCenterSeeder, DemoUserSeeder>();
        services.AddSingleton<UnknownUserPasswordCheck>();
        return builder;
    }
}
