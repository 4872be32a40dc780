using System.Net;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Transport;

public sealed class PeerAddressTableTests
{
    [Fact]
    public void TryKey_Ipv4_PacksAddressAndPortAndTellsEveryAddressApart()
    {
        Assert.True(PeerAddressTable.TryKey(new IPEndPoint(IPAddress.Parse("127.1.2.3"), 0x9CFE).Serialize(), out ulong key));
        Assert.Equal((0x7F010203UL << 16) | 0x9CFE, key);

        var keys = new HashSet<ulong>();
        foreach (var address in new[] { "127.0.0.1", "127.0.0.2", "10.0.0.1", "255.255.255.255", "0.0.0.0" })
        {
            foreach (int port in new[] { 0, 1, 40000, 65535 })
            {
                Assert.True(PeerAddressTable.TryKey(new IPEndPoint(IPAddress.Parse(address), port).Serialize(), out ulong k));
                Assert.True(keys.Add(k), $"{address}:{port} collides");
            }
        }
    }

    [Fact]
    public void TryKey_Ipv6_IsNotPacked()
    {
        Assert.False(PeerAddressTable.TryKey(new IPEndPoint(IPAddress.IPv6Loopback, 5000).Serialize(), out _));
    }
}
