using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Auth;

public sealed partial class SipTrunkAuthenticatorTests
{
    private readonly FakeTimeProvider _time = new();

    private SipTrunkAuthenticator Create(string? user = null, string? password = null)
    {
        var options = new SipOptions();
        var trunk = new SipTrunkOptions { Name = "carrier", Username = user, Password = password };
        trunk.Addresses.Add("203.0.113.0/24");
        trunk.Addresses.Add("198.51.100.7");
        options.Trunks.Add(trunk);
        return new SipTrunkAuthenticator(options, _time);
    }

    [Theory]
    [InlineData("203.0.113.200", true)]
    [InlineData("198.51.100.7", true)]
    [InlineData("198.51.100.8", false)]
    [InlineData("::ffff:203.0.113.1", true)]
    public void Check_AllowList_MatchesCidrAndSingleAddress(string source, bool allowed)
    {
        var result = Create().Check(SipRequests.Invite(), IPAddress.Parse(source));

        Assert.Equal(allowed ? TrunkCheckOutcome.Allowed : TrunkCheckOutcome.UnknownSource, result.Outcome);
    }

    [Fact]
    public void Check_CredentialsRequired_ChallengesThenAcceptsCorrectDigest()
    {
        var auth = Create("pbx", "s3cret");
        var source = IPAddress.Parse("203.0.113.5");
        var first = auth.Check(SipRequests.Invite(), source);
        Assert.Equal((TrunkCheckOutcome.Challenge, 401, "WWW-Authenticate"), (first.Outcome, first.StatusCode, first.ChallengeHeaderName));
        var nonce = NonceRegex().Match(first.ChallengeHeader!).Groups[1].Value;

        var response = SipTrunkAuthenticator.ComputeResponse("pbx", "contactcenter", "s3cret", "INVITE", "sip:cc@127.0.0.1", nonce, "00000001", "abc", "auth");
        var request = SipRequests.Invite().AddHeader(SipHeaderNames.Authorization,
            $"Digest username=\"pbx\", realm=\"contactcenter\", nonce=\"{nonce}\", uri=\"sip:cc@127.0.0.1\", response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"abc\"");

        Assert.Equal(TrunkCheckOutcome.Allowed, auth.Check(request, source).Outcome);
    }

    [Fact]
    public void Check_ReplayedDigest_ChallengedAsStale()
    {
        var auth = Create("pbx", "s3cret");
        var source = IPAddress.Parse("203.0.113.5");
        var nonce = NonceRegex().Match(auth.Check(SipRequests.Invite(), source).ChallengeHeader!).Groups[1].Value;
        var response = SipTrunkAuthenticator.ComputeResponse("pbx", "contactcenter", "s3cret", "INVITE", "sip:cc@127.0.0.1", nonce, "00000001", "abc", "auth");
        var credentials = $"Digest username=\"pbx\", realm=\"contactcenter\", nonce=\"{nonce}\", uri=\"sip:cc@127.0.0.1\", response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"abc\"";
        Assert.Equal(TrunkCheckOutcome.Allowed, auth.Check(SipRequests.Invite().AddHeader(SipHeaderNames.Authorization, credentials), source).Outcome);

        // The captured INVITE sent again a minute later, well inside the nonce's lifetime.
        _time.Advance(TimeSpan.FromMinutes(1));
        var replay = auth.Check(SipRequests.Invite().AddHeader(SipHeaderNames.Authorization, credentials), source);

        Assert.Equal(TrunkCheckOutcome.Challenge, replay.Outcome);
        Assert.Contains("stale=true", replay.ChallengeHeader, StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, replay.ChallengeHeader, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReplayedDigestWithoutQop_ChallengedAsStale()
    {
        var auth = Create("pbx", "s3cret");
        var source = IPAddress.Parse("203.0.113.5");
        var nonce = NonceRegex().Match(auth.Check(SipRequests.Invite(), source).ChallengeHeader!).Groups[1].Value;
        var response = SipTrunkAuthenticator.ComputeResponse("pbx", "contactcenter", "s3cret", "INVITE", "sip:cc@127.0.0.1", nonce, null, null, null);
        var credentials = $"Digest username=\"pbx\", realm=\"contactcenter\", nonce=\"{nonce}\", uri=\"sip:cc@127.0.0.1\", response=\"{response}\"";
        Assert.Equal(TrunkCheckOutcome.Allowed, auth.Check(SipRequests.Invite().AddHeader(SipHeaderNames.Authorization, credentials), source).Outcome);

        var replay = auth.Check(SipRequests.Invite().AddHeader(SipHeaderNames.Authorization, credentials), source);

        Assert.Equal(TrunkCheckOutcome.Challenge, replay.Outcome);
    }

    [Fact]
    public void Check_WrongPassword_ChallengedAgain()
    {
        var auth = Create("pbx", "s3cret");
        var source = IPAddress.Parse("203.0.113.5");
        var nonce = NonceRegex().Match(auth.Check(SipRequests.Invite(), source).ChallengeHeader!).Groups[1].Value;
        var response = SipTrunkAuthenticator.ComputeResponse("pbx", "contactcenter", "wrong", "INVITE", "sip:cc@127.0.0.1", nonce, null, null, null);
        var request = SipRequests.Invite().AddHeader(SipHeaderNames.Authorization,
            $"Digest username=\"pbx\", realm=\"contactcenter\", nonce=\"{nonce}\", uri=\"sip:cc@127.0.0.1\", response=\"{response}\"");

        Assert.Equal(TrunkCheckOutcome.Challenge, auth.Check(request, source).Outcome);
    }

    [Fact]
    public void Check_ExpiredNonce_ChallengedAsStale()
    {
        var auth = Create("pbx", "s3cret");
        var source = IPAddress.Parse("203.0.113.5");
        var nonce = NonceRegex().Match(auth.Check(SipRequests.Invite(), source).ChallengeHeader!).Groups[1].Value;
        var response = SipTrunkAuthenticator.ComputeResponse("pbx", "contactcenter", "s3cret", "INVITE", "sip:cc@127.0.0.1", nonce, null, null, null);
        var request = SipRequests.Invite().AddHeader(SipHeaderNames.Authorization,
            $"Digest username=\"pbx\", realm=\"contactcenter\", nonce=\"{nonce}\", uri=\"sip:cc@127.0.0.1\", response=\"{response}\"");
        _time.Advance(TimeSpan.FromMinutes(6));

        var result = auth.Check(request, source);

        Assert.Equal(TrunkCheckOutcome.Challenge, result.Outcome);
        Assert.Contains("stale=true", result.ChallengeHeader, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ForgedNonce_Rejected()
    {
        var auth = Create("pbx", "s3cret");
        var nonce = new string('a', 48);
        var response = SipTrunkAuthenticator.ComputeResponse("pbx", "contactcenter", "s3cret", "INVITE", "sip:cc@127.0.0.1", nonce, null, null, null);
        var request = SipRequests.Invite().AddHeader(SipHeaderNames.Authorization,
            $"Digest username=\"pbx\", realm=\"contactcenter\", nonce=\"{nonce}\", uri=\"sip:cc@127.0.0.1\", response=\"{response}\"");

        Assert.Equal(TrunkCheckOutcome.Challenge, auth.Check(request, IPAddress.Parse("203.0.113.5")).Outcome);
    }

    [Fact]
    public void ComputeResponse_Rfc2617Example_Matches()
    {
        // RFC 2617 §3.5 (the HTTP example, same algorithm).
        var response = SipTrunkAuthenticator.ComputeResponse("Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [GeneratedRegex("nonce=\"([0-9a-f]+)\"")]
    private static partial Regex NonceRegex();
}
