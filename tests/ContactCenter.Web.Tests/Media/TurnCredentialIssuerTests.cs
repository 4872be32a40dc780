using System.Text;
using ContactCenter.Web.Media;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Tests.Media;

public sealed class TurnCredentialIssuerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    // Computed independently of our code:
    //   printf '%s' '1700000000:agent-1' | openssl dgst -sha1 -hmac 'test-secret' -binary | base64
    [Fact]
    public void Credential_KnownVector_MatchesOpenSsl()
    {
        Assert.Equal("f0xpHOP0QL4R9pDSw8pUl1nK6tM=", TurnCredentialIssuer.Credential(Encoding.UTF8.GetBytes("test-secret"), "1700000000:agent-1"));
    }

    // printf '%s' '1700000000' | openssl dgst -sha1 -hmac 'north' -binary | base64
    [Fact]
    public void Credential_TimestampOnlyUsername_MatchesOpenSsl()
    {
        Assert.Equal("CWyHi3zCeWqXBir9thl4m+iZPRY=", TurnCredentialIssuer.Credential(Encoding.UTF8.GetBytes("north"), TurnCredentialIssuer.Username(1_700_000_000, null)));
    }

    [Fact]
    public void IssueFor_Configured_UsernameIsExpiryColonIdAndCredentialItsHmac()
    {
        var issuer = Issuer(new TurnOptions { Urls = "turn:127.0.0.1:3478?transport=udp, turn:127.0.0.1:3478?transport=tcp", Secret = "test-secret", TtlSeconds = 600 });

        var server = Assert.Single(issuer.IssueFor("agent-1"));

        Assert.Equal(["turn:127.0.0.1:3478?transport=udp", "turn:127.0.0.1:3478?transport=tcp"], server.Urls);
        Assert.Equal("1700000600:agent-1", server.Username);
        Assert.Equal(TurnCredentialIssuer.Credential(Encoding.UTF8.GetBytes("test-secret"), "1700000600:agent-1"), server.Credential);
    }

    [Fact]
    public void IssueFor_NoUrls_ReturnsNoServers()
    {
        var issuer = Issuer(new TurnOptions());

        Assert.False(issuer.Enabled);
        Assert.Empty(issuer.IssueFor("agent-1"));
    }

    [Theory]
    [InlineData("turn:a:3478", "", 600, "Media:Turn:Secret must be set")]
    [InlineData("http://a", "s", 600, "must start with turn:, turns: or stun:")]
    [InlineData("turns:a:443?transport=tcp", "s", 10, "TtlSeconds must be 60-604800")]
    public void Problem_BadSettings_NamesTheSetting(string urls, string secret, int ttl, string expected)
    {
        var problem = new TurnOptions { Urls = urls, Secret = secret, TtlSeconds = ttl }.Problem();

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_NoTurn_IsNone()
    {
        Assert.Null(new TurnOptions { Urls = " ", Secret = null, TtlSeconds = 0 }.Problem());
    }

    private static TurnCredentialIssuer Issuer(TurnOptions options) => new(Options.Create(options), new FixedTime(Now));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
