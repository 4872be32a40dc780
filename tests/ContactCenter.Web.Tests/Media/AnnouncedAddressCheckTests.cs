using System.Net;
using ContactCenter.Web.Media;

namespace ContactCenter.Web.Tests.Media;

public sealed class AnnouncedAddressCheckTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://127.0.0.1:5080;http://*:8080")]
    [InlineData("https://contact.example:443")]
    [InlineData("http://[::]:5080")]
    public void Warning_LoopbackAnnouncedButUrlsServeOthers_NamesBoth(string urls)
    {
        var warning = AnnouncedAddressCheck.Warning([IPAddress.Loopback, IPAddress.IPv6Loopback], urls);

        Assert.NotNull(warning);
        Assert.Contains("announced only on loopback (127.0.0.1, ::1)", warning, StringComparison.Ordinal);
        Assert.Contains("Media:AnnouncedAddress", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080;http://[::1]:5081")]
    [InlineData("")]
    public void Warning_UrlsOnLoopbackToo_None(string urls)
    {
        Assert.Null(AnnouncedAddressCheck.Warning([IPAddress.Loopback], urls));
    }

    [Fact]
    public void Warning_OneAnnouncedAddressNotLoopback_None()
    {
        // Only the pure check sees this address: no socket, SDP, candidate or config.
        Assert.Null(AnnouncedAddressCheck.Warning([IPAddress.Loopback, IPAddress.Parse("10.200.0.1")], "http://0.0.0.0:5080"));
    }
}
