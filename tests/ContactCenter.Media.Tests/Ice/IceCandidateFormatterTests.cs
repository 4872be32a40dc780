using System.Net;
using ContactCenter.Media.Ice;

namespace ContactCenter.Media.Tests.Ice;

public sealed class IceCandidateFormatterTests
{
    [Fact]
    public void Host_FirstAddress_HasTheFullHostPriority()
    {
        // RFC 8445 §5.1.2.1: 2^24*126 + 2^8*65535 + (256 - 1)
        Assert.Equal("1 1 udp 2130706431 127.0.0.1 40000 typ host", IceCandidateFormatter.Host(new IPEndPoint(IPAddress.Loopback, 40000)));
    }

    [Fact]
    public void Hosts_SeveralAddresses_DistinctFoundationsAndFallingLocalPreference()
    {
        var lines = IceCandidateFormatter.Hosts([new IPEndPoint(IPAddress.Loopback, 40000), new IPEndPoint(IPAddress.IPv6Loopback, 40000)]);

        // second: 2^24*126 + 2^8*65534 + 255
        Assert.Equal(["1 1 udp 2130706431 127.0.0.1 40000 typ host", "2 1 udp 2130706175 ::1 40000 typ host"], lines);
    }

    [Fact]
    public void Host_ScopedIPv6_WritesTheAddressWithoutScope()
    {
        var scoped = IPAddress.Parse("fe80::1%2");

        Assert.Equal("1 1 udp 2130706431 fe80::1 40000 typ host", IceCandidateFormatter.Host(new IPEndPoint(scoped, 40000)));
    }
}
