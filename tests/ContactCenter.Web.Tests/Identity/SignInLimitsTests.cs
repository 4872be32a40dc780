using System.Net;
using ContactCenter.Web.Protection;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Web.Tests.Identity;

/// <summary>Staff sign-in under a password-guessing attack: Identity lockout plus per-user and per-address rate limits.</summary>
public sealed class SignInLimitsTests : IDisposable
{
    private const string Agent = "agent@demo.local";
    private readonly string _folder = ApiFactory.CreateFolder();

    public void Dispose() => ApiFactory.DeleteFolder(_folder);

    [Fact]
    public async Task SignIn_BruteForce50WrongPasswords_LocksAndIsRateLimited_ThenTheUserSignsInAfterTheLockout()
    {
        await using var api = new ApiFactory(_folder);
        await using var factory = api.WithDemoPassword().WithWebHostBuilder(b => b
            .UseSetting("SignIn:LockoutSeconds", "2")
            .UseSetting("Limits:SignInWindowSeconds", "2"));
        using var counter = new RateLimitedCounter(factory);
        var attacker = SignInClient.NewClient(factory);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 50; i++)
        {
            answers.Add(await SignInClient.SignInAsync(attacker, Agent, $"wrong-password-{i}", "/agent"));
        }

        Assert.DoesNotContain(answers, a => a.StatusCode == HttpStatusCode.Redirect && a.Headers.Location?.OriginalString == "/agent");
        Assert.Contains(answers, a => a.Headers.Location?.OriginalString.StartsWith("/signin?error=locked", StringComparison.Ordinal) == true);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        foreach (var response in refused)
        {
            await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many sign-in attempts");
            Assert.True(response.Headers.Contains("Retry-After"));
        }

        Assert.Equal(refused.Count, counter.Count(RateLimitNames.SignInUser) + counter.Count(RateLimitNames.SignInAddress));

        // Locked: even the right password is turned away now.
        DateTimeOffset lockoutEnd;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByNameAsync(Agent);
            Assert.True(await users.IsLockedOutAsync(user!));
            lockoutEnd = (await users.GetLockoutEndDateAsync(user!))!.Value;
        }

        var user2 = SignInClient.NewClient(factory);
        var during = await SignInClient.SignInAsync(user2, Agent, SignInClient.Password, "/agent");
        Assert.NotEqual("/agent", during.Headers.Location?.OriginalString);

        // After the lockout (and the rate-limit window) the real user gets in.
        var wait = lockoutEnd - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2.5);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var after = await SignInClient.SignInAsync(user2, Agent, SignInClient.Password, "/agent");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/agent", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_ManyUsersFromOneAddress_RateLimitedPerAddress()
    {
        await using var api = new ApiFactory(_folder);
        await using var factory = api.WithDemoPassword().WithWebHostBuilder(b => b.UseSetting("Limits:SignInsPerAddressPerMinute", "5"));
        using var counter = new RateLimitedCounter(factory);
        var client = SignInClient.NewClient(factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await SignInClient.SignInAsync(client, $"nobody{i}@demo.local", "wrong-password")).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.Equal(1, counter.Count(RateLimitNames.SignInAddress));
    }
}
