using Microsoft.AspNetCore.Authorization;

namespace ContactCenter.Web.Auth;

/// <summary>The caller's credential belongs to the account named by the route's <c>{accountId}</c>.</summary>
internal sealed class AccountAccessRequirement : IAuthorizationRequirement;
