using Microsoft.AspNetCore.Authorization;

namespace ContactCenter.Web.Auth;

/// <summary>
/// Grants <see cref="AccountAccessRequirement"/> when the credential's account equals the route's account.
/// Another account's credential, or an unknown account id, is refused with 403 without saying which.
/// </summary>
internal sealed class AccountAccessHandler : AuthorizationHandler<AccountAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccountAccessRequirement requirement)
    {
        var account = context.User.FindFirst(ApiAuthDefaults.AccountClaim)?.Value;
        if (account is not null
            && context.Resource is HttpContext http
            && http.GetRouteValue("accountId") is string routeAccount
            && string.Equals(routeAccount, account, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
