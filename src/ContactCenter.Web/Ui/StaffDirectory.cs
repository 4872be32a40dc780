using ContactCenter.Core.Services;
using ContactCenter.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Web.Ui;

/// <summary>
/// The staff users (ASP.NET Identity): list them with their roles; the admin creates one, disables or enables it,
/// resets its password and sets its roles (Agent, Supervisor, Admin; several per person). A disabled user is locked
/// out for good and its sign-ins are refused. One scope per operation.
/// </summary>
public sealed class StaffDirectory
{
    private readonly IServiceScopeFactory _scopes;

    public StaffDirectory(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    /// <summary>"agent@demo.local" is shown as "Agent" (as the pages name the signed-in person).</summary>
    public static string DisplayName(string email)
    {
        var local = email.Split('@')[0];
        return local.Length == 0 ? email : char.ToUpperInvariant(local[0]) + local[1..];
    }

    public async Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var result = new List<StaffUser>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            result.Add(await ToStaffAsync(users, user));
        }

        return result;
    }

    public async Task<CallResult<StaffUser>> CreateAsync(string? email, string? password, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var address = email?.Trim() ?? "";
        if (address.Length is 0 or > 256 || !address.Contains('@', StringComparison.Ordinal))
        {
            return CallError.Validation("Please enter the person's e-mail address.");
        }

        if (RolesError(roles) is { } rolesError)
        {
            return rolesError;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(address) is not null)
        {
            return CallError.Conflict($"There is already a user {address}.");
        }

        var user = new IdentityUser { UserName = address, Email = address, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            return CallError.Validation(Describe(created));
        }

        var added = await users.AddToRolesAsync(user, roles);
        return added.Succeeded ? await ToStaffAsync(users, user) : CallError.Validation(Describe(added));
    }

    public Task<CallResult> SetDisabledAsync(string userId, bool disabled, CancellationToken ct = default) => WithUserAsync(userId, async (users, user) =>
    {
        await users.SetLockoutEnabledAsync(user, true);
        var set = await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        if (set.Succeeded && disabled)
        {
            // Signs the user out of every browser at the next cookie check.
            await users.UpdateSecurityStampAsync(user);
        }

        return set;
    });

    public Task<CallResult> ResetPasswordAsync(string userId, string? newPassword, CancellationToken ct = default) => WithUserAsync(userId, async (users, user) =>
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return await users.ResetPasswordAsync(user, token, newPassword ?? "");
    });

    public Task<CallResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        if (RolesError(roles) is { } rolesError)
        {
            return Task.FromResult<CallResult>(rolesError);
        }

        return WithUserAsync(userId, async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
            return removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current)) : removed;
        });
    }

    private static CallError? RolesError(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? CallError.Validation("Give the person at least one role.")
        : roles.FirstOrDefault(r => !AppRoles.All.Contains(r)) is { } unknown ? CallError.Validation($"There is no role {unknown}.")
        : null;

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private static async Task<StaffUser> ToStaffAsync(UserManager<IdentityUser> users, IdentityUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var email = user.Email ?? user.UserName ?? user.Id;
        return new StaffUser(user.Id, email, DisplayName(email), AppRoles.All.Where(roles.Contains).ToList(),
            user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(100));
    }

    private async Task<CallResult> WithUserAsync(string userId, Func<UserManager<IdentityUser>, IdentityUser, Task<IdentityResult>> action)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return CallError.NotFound("That user does not exist.");
        }

        var result = await action(users, user);
        return result.Succeeded ? CallResult.Success : CallError.Validation(Describe(result));
    }
}
