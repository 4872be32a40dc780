using System.Security.Claims;
using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Identity;

/// <summary>Turns the signed-in user into the <see cref="StaffMember"/> the call center checks.</summary>
public static class StaffIdentity
{
    public static StaffMember? FromPrincipal(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(id))
        {
            return null;
        }

        return new StaffMember(id, DisplayName(user), user.IsInRole(AppRoles.Agent), user.IsInRole(AppRoles.Supervisor));
    }

    /// <summary>The part of the user name before '@', capitalized: "agent@demo.local" is shown as "Agent".</summary>
    public static string DisplayName(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "";
        var local = name.Split('@')[0];
        return local.Length == 0 ? name : char.ToUpperInvariant(local[0]) + local[1..];
    }
}
