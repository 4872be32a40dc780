using ContactCenter.Web.Identity;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Identity;

public sealed class DemoUsersTests : IDisposable
{
    private readonly string _folder = ApiFactory.CreateFolder();

    public void Dispose() => ApiFactory.DeleteFolder(_folder);

    [Fact]
    public async Task Start_FreshDatabase_CreatesOneUserPerRoleAndWritesCredentialsNextToDatabase()
    {
        await using var factory = new ApiFactory(_folder).WithDemoPassword();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        foreach (var role in AppRoles.All)
        {
            var user = await users.FindByEmailAsync($"{role.ToLowerInvariant()}@demo.local");
            Assert.NotNull(user);
            Assert.Equal([role], await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, SignInClient.Password));
        }

        var file = await File.ReadAllTextAsync(Path.Combine(_folder, DemoUserSeeder.FileName));
        Assert.Contains("supervisor@demo.local", file, StringComparison.Ordinal);
        Assert.Contains(SignInClient.Password, file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecondTime_CreatesNoUserAndKeepsTheFile()
    {
        await using (var first = new ApiFactory(_folder).WithDemoPassword())
        {
            _ = first.Services;
        }

        var path = Path.Combine(_folder, DemoUserSeeder.FileName);
        File.WriteAllText(path, "kept");
        await using var second = new ApiFactory(_folder);
        await using var scope = second.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        Assert.Equal(3, users.Users.Count());
        Assert.Equal("kept", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Start_RandomPasswords_EachUserGetsADifferentStrongOne()
    {
        await using var factory = new ApiFactory(_folder);
        _ = factory.Services;

        var lines = (await File.ReadAllLinesAsync(Path.Combine(_folder, DemoUserSeeder.FileName)))
            .Where(l => l.Contains("password:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("password:", StringComparison.Ordinal) + 9)..].Trim())
            .ToList();

        Assert.Equal(3, lines.Count);
        Assert.Equal(3, lines.Distinct(StringComparer.Ordinal).Count());
        Assert.All(lines, p => Assert.True(p.Length >= 16, p));
    }
}
