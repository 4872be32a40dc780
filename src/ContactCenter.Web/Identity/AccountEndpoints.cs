using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ContactCenter.Web.Identity;

/// <summary>The sign-in and sign-out form posts of the UI (cookie authentication with ASP.NET Core Identity).</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, SignInAsync).AllowAnonymous();
        app.MapPost(SignOutPath, SignOutAsync).RequireAuthorization();
        return app;
    }

    /// <summary>Checks the password; on success sets the cookie and goes back to where the user was headed.</summary>
    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<IdentityUser> signIn)
    {
        var target = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return TypedResults.LocalRedirect(SignInPage(target, "missing"));
        }

        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.LocalRedirect(SignInPage(target, "locked"));
        }

        return TypedResults.LocalRedirect(result.Succeeded ? target : SignInPage(target, "invalid"));
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/signin");
    }

    /// <summary>Only local paths: an absolute return URL would make the sign-in page an open redirect.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static string SignInPage(string returnUrl, string error) =>
        $"/signin?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}
