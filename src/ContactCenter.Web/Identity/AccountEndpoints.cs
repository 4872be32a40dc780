using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ContactCenter.Web.Protection;

namespace ContactCenter.Web.Identity;

/// <summary>The sign-in and sign-out form posts of the UI (cookie authentication with ASP.NET Core Identity).</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The token is checked in the handlers, so that a stale form ends on the sign-in page with a message instead
        // of a bare 400 (the framework's automatic check throws before the handler runs).
        app.MapPost(SignInPath, SignInAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitNames.SignInAddress);
        app.MapPost(SignOutPath, SignOutAsync).RequireAuthorization().DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Checks the password; on success sets the cookie and goes back to where the user was headed. Attempts are
    /// limited per address (the endpoint's rate-limit policy) and per user (here, once the form names the user),
    /// failures lock the account (Identity lockout, <see cref="StaffSignInOptions"/>), and an unknown email costs
    /// the same hashing as a known one.
    /// </summary>
    private static async Task<IResult> SignInAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn,
        SignInUserLimiter perUser, UnknownUserPasswordCheck unknownUser)
    {
        var target = SafeReturnUrl(returnUrl);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.LocalRedirect(SignInPage(target, "expired"));
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return TypedResults.LocalRedirect(SignInPage(target, "missing"));
        }

        if (!perUser.TryAcquire(email, out var retryAfter))
        {
            await TooManyRequests.WriteAsync(context, RateLimitNames.SignInUser, retryAfter, TooManyRequests.Describe(RateLimitNames.SignInUser, retryAfter));
            return TypedResults.Empty;
        }

        var user = await signIn.UserManager.FindByNameAsync(email.Trim());
        if (user is null)
        {
            unknownUser.Spend(password);
            return TypedResults.LocalRedirect(SignInPage(target, "invalid"));
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.LocalRedirect(SignInPage(target, "locked"));
        }

        return TypedResults.LocalRedirect(result.Succeeded ? target : SignInPage(target, "invalid"));
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.LocalRedirect("/");
        }

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
