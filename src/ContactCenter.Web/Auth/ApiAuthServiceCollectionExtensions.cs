using ContactCenter.Core.Tokens;
using ContactCenter.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Auth;

public static class ApiAuthServiceCollectionExtensions
{
    /// <summary>
    /// HTTP Basic authentication of API credentials, the per-account policy, and the bootstrap account created on
    /// the first start. The API's policy names its scheme, so a cookie scheme added later for the UI does not interfere.
    /// </summary>
    public static WebApplicationBuilder AddContactCenterApiAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicAuthenticationHandler>(ApiAuthDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuthDefaults.AccountPolicy, policy => policy
                .AddAuthenticationSchemes(ApiAuthDefaults.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new AccountAccessRequirement()));
        services.AddSingleton<IAuthorizationHandler, AccountAccessHandler>();

        services.AddOptions<ApiBootstrapOptions>()
            .BindConfiguration(ApiBootstrapOptions.SectionName)
            .Validate(
                o => o.IsComplete || (string.IsNullOrWhiteSpace(o.AccountId) && string.IsNullOrWhiteSpace(o.Username)),
                "Api:Bootstrap needs AccountId, Username and Password together (or AccountId and Username empty to create nothing).")
            .ValidateOnStart();
        services.AddScoped<IContactCenterSeeder, BootstrapCredentialSeeder>();
        return builder;
    }

    /// <summary>Participant tokens: options from <c>Tokens</c>, the signing key, and the scoped <see cref="ParticipantTokenService"/>.</summary>
    public static WebApplicationBuilder AddParticipantTokens(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<ParticipantTokenOptions>()
            .BindConfiguration(ParticipantTokenOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ParticipantTokenOptions>>().Value;
            return ParticipantTokenKey.Load(options.SigningKey, options.KeyFile, contentRoot);
        });
        services.TryAddScoped<ParticipantTokenService>();
        services.AddHostedService<ParticipantTokenKeyLoader>();
        return builder;
    }
}
