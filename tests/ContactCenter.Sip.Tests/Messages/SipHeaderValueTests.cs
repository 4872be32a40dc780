using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipHeaderValueTests
{
    [Theory]
    [InlineData("\"Alice\" <sip:alice@atlanta.com>;tag=88sja8x", "Alice", "sip:alice@atlanta.com", "88sja8x")]
    [InlineData("<sip:alice@atlanta.com;transport=tcp>;tag=x", null, "sip:alice@atlanta.com;transport=tcp", "x")]
    [InlineData("sip:+12125551212@server.phone2net.com;tag=887s", null, "sip:+12125551212@server.phone2net.com", "887s")]
    [InlineData("Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8", "Anonymous", "sip:c8oqz84zk7z@privacy.org", "hyh8")]
    [InlineData("\"Bob <boss>\" <sip:bob@b.com>", "Bob <boss>", "sip:bob@b.com", null)]
    public void SipNameAddr_TryParse_ReadsDisplayUriAndTag(string text, string? display, string uri, string? tag)
    {
        Assert.True(SipNameAddr.TryParse(text, out var a));
        Assert.Equal(display, a.DisplayName);
        Assert.Equal(uri, a.Uri);
        Assert.Equal(tag, a.Tag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<sip:unterminated")]
    [InlineData("no uri here")]
    public void SipNameAddr_TryParse_Garbage_False(string text) => Assert.False(SipNameAddr.TryParse(text, out _));

    [Fact]
    public void SipVia_WithReceived_FillsRportAndReceived()
    {
        Assert.True(SipVia.TryParse("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKx;rport", out var via));

        var stamped = via.WithReceived("203.0.113.9", 40000);

        Assert.Equal("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKx;rport=40000;received=203.0.113.9", stamped.ToString());
    }

    [Fact]
    public void SipVia_TryParse_Ipv6AndSpacesAroundSlashes()
    {
        Assert.True(SipVia.TryParse("SIP / 2.0 / TCP [2001:db8::9]:5061 ;branch=z9hG4bKq", out var via));

        Assert.Equal("TCP", via.Transport);
        Assert.Equal("[2001:db8::9]", via.Host);
        Assert.Equal(5061, via.Port);
        Assert.Equal("z9hG4bKq", via.Branch);
    }

    [Theory]
    [InlineData("1 INVITE", true)]
    [InlineData("4294967295 BYE", true)]
    [InlineData("4294967296 BYE", false)]
    [InlineData("-1 BYE", false)]
    [InlineData("INVITE", false)]
    public void SipCSeq_TryParse_Bounds(string text, bool ok) => Assert.Equal(ok, SipCSeq.TryParse(text, out _));

    [Fact]
    public void SipUri_TryParse_UserHostPortParameters()
    {
        Assert.True(SipUri.TryParse("sip:+15551234@198.51.100.7:5070;transport=udp", out var uri));

        Assert.Equal("+15551234", uri.User);
        Assert.Equal("198.51.100.7", uri.Host);
        Assert.Equal(5070, uri.Port);
        Assert.Equal("udp", uri.Parameters[0].Value);
    }
}
