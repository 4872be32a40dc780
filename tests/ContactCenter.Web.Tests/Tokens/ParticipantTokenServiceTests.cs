using System.Text;
using System.Text.Json.Nodes;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tokens;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ContactCenter.Web.Tests.Tokens;

public sealed class ParticipantTokenServiceTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateDemoClient();

    [Fact]
    public async Task ValidateAsync_IssuedByTheApi_IsValidWithItsClaims()
    {
        var (id, token) = await _client.CreateParticipantAsync();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ParticipantTokenService>().ValidateAsync(token);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(id, result.Claims.ParticipantId);
        Assert.Equal(ApiFactory.DemoAccount, result.Claims.AccountId);
        Assert.Equal("V3", result.Claims.DeviceApiVersion);
        Assert.Equal(id, result.Participant!.Id);
    }

    [Fact]
    public async Task Issue_MemberOfASession_CarriesTheSession()
    {
        var session = await _client.CreateSessionAsync();
        var (id, _) = await _client.CreateParticipantAsync();
        await _client.AddToSessionAsync(session, id);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ParticipantTokenService>();
        var participant = await scope.ServiceProvider.GetRequiredService<ICallStore>().FindParticipantAsync(id);

        var result = await tokens.ValidateAsync(tokens.Issue(participant!).Value);

        Assert.Equal(session, result.Claims!.SessionId);
    }

    [Fact]
    public async Task ValidateAsync_AfterExpiry_IsRefusedAsExpired()
    {
        var (id, _) = await _client.CreateParticipantAsync();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = CreateService(scope, time, lifetimeMinutes: 5);
        var participant = await scope.ServiceProvider.GetRequiredService<ICallStore>().FindParticipantAsync(id);
        var token = tokens.Issue(participant!);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.True((await tokens.ValidateAsync(token.Value)).IsValid);

        time.Advance(TimeSpan.FromMinutes(2));
        var expired = await tokens.ValidateAsync(token.Value);

        Assert.Equal(TokenFailure.Expired, expired.Failure);
        Assert.Contains("expired", expired.Reason, StringComparison.Ordinal);
        Assert.Equal(token.ExpiresAt, DateTimeOffset.FromUnixTimeSeconds(token.ExpiresAt.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task ValidateAsync_SignedWithAnotherKey_IsRefusedAsBadSignature()
    {
        var (id, _) = await _client.CreateParticipantAsync();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var participant = await scope.ServiceProvider.GetRequiredService<ICallStore>().FindParticipantAsync(id);
        var forger = CreateService(scope, TimeProvider.System, key: ParticipantTokenKey.FromBytes(new byte[32]));

        var result = await scope.ServiceProvider.GetRequiredService<ParticipantTokenService>().ValidateAsync(forger.Issue(participant!).Value);

        Assert.Equal(TokenFailure.BadSignature, result.Failure);
        Assert.Contains("signature", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_AlteredPayload_IsRefusedAsBadSignature()
    {
        var (_, token) = await _client.CreateParticipantAsync();
        var (victim, _) = await _client.CreateParticipantAsync();
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["sub"] = victim;
        var altered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
        await using var scope = fixture.Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ParticipantTokenService>().ValidateAsync(altered);

        Assert.Equal(TokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_UnsignedAlgNone_IsRefused()
    {
        var (_, token) = await _client.CreateParticipantAsync();
        var payload = token.Split('.')[1];
        var unsigned = $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{payload}.";
        await using var scope = fixture.Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ParticipantTokenService>().ValidateAsync(unsigned);

        Assert.False(result.IsValid);
        Assert.Contains(result.Failure, new TokenFailure?[] { TokenFailure.BadSignature, TokenFailure.Malformed });
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task ValidateAsync_Garbage_IsRefusedAsMalformed(string token)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ParticipantTokenService>().ValidateAsync(token);

        Assert.Equal(TokenFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_DeletedParticipant_IsRefusedAsUnknownParticipant()
    {
        var (id, token) = await _client.CreateParticipantAsync();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await _client.DeleteAsync($"{ApiClient.Base()}/participants/{id}")).StatusCode);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ParticipantTokenService>();

        var result = await tokens.ValidateAsync(token);

        Assert.Equal(TokenFailure.UnknownParticipant, result.Failure);
        Assert.Contains(id, result.Reason, StringComparison.Ordinal);
        Assert.True((await tokens.ValidateTokenAsync(token)).IsValid);
    }

    [Fact]
    public void Load_NoConfiguredKey_GeneratesOneFileAndReusesIt()
    {
        var folder = ApiFactory.CreateFolder();
        try
        {
            var first = ParticipantTokenKey.Load(null, "data/token-signing.key", folder);
            var second = ParticipantTokenKey.Load("", "data/token-signing.key", folder);

            Assert.True(first.WasGenerated);
            Assert.False(second.WasGenerated);
            Assert.Equal(first.SecurityKey.Key, second.SecurityKey.Key);
            Assert.True(File.Exists(Path.Combine(folder, "data", "token-signing.key")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "data", "token-signing.key")));
            }
        }
        finally
        {
            ApiFactory.DeleteFolder(folder);
        }
    }

    [Theory]
    [InlineData("short")]
    [InlineData("c2hvcnQ=")]
    public void Load_TooShortConfiguredKey_Throws(string key)
    {
        Assert.Throws<InvalidOperationException>(() => ParticipantTokenKey.Load(key, "unused", Path.GetTempPath()));
    }

    [Fact]
    public void Load_LongPassphrase_IsUsedAsUtf8()
    {
        var passphrase = "a passphrase that is long enough for HS256 keys";

        var key = ParticipantTokenKey.Load(passphrase, "unused", Path.GetTempPath());

        Assert.Equal(Encoding.UTF8.GetBytes(passphrase), key.SecurityKey.Key);
    }

    private static ParticipantTokenService CreateService(
        AsyncServiceScope scope, TimeProvider time, int lifetimeMinutes = 60, ParticipantTokenKey? key = null)
    {
        var options = Options.Create(new ParticipantTokenOptions { LifetimeMinutes = lifetimeMinutes, ClockSkewSeconds = 30 });
        return new ParticipantTokenService(
            options,
            key ?? scope.ServiceProvider.GetRequiredService<ParticipantTokenKey>(),
            time,
            scope.ServiceProvider.GetRequiredService<ICallStore>());
    }
}
