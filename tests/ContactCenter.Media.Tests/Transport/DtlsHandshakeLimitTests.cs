using System.Net;
using System.Security.Cryptography;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Echo;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Tests.Peers;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Transport;

/// <summary>
/// Pending DTLS handshakes are capped per node and per remote address (a peer over a cap waits for a slot), and
/// STUN or DTLS from strangers (random usernames, unknown addresses) leaves nothing behind. Real UDP on loopback.
/// </summary>
public sealed class DtlsHandshakeLimitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Handshakes_OverThePerAddressCap_WaitForASlotAndAllConnectInTurn()
    {
        await using var transport = await StartAsync(max: 64, perAddress: 2);
        var pairs = new List<Pair>();
        try
        {
            for (int i = 0; i < 4; i++)
            {
                pairs.Add(await CheckedPairAsync(transport, IPAddress.Loopback));
            }

            await WaitUntilAsync(() => transport.PendingDtlsHandshakes == 2 && transport.WaitingDtlsHandshakes == 2,
                () => $"running {transport.PendingDtlsHandshakes}, waiting {transport.WaitingDtlsHandshakes}");

            await Task.WhenAll(pairs.Select(p => p.Browser.HandshakeAsync(DtlsRole.Client, p.Peer.Certificate.Fingerprint)));
            await Task.WhenAll(pairs.Select(p => p.Peer.Connected.WaitAsync(Timeout)));

            Assert.All(pairs, p => Assert.Equal(PeerConnectionState.Connected, p.Peer.State));
            Assert.Equal(0, transport.PendingDtlsHandshakes);
            Assert.Equal(0, transport.WaitingDtlsHandshakes);
        }
        finally
        {
            foreach (var (_, browser) in pairs)
            {
                await browser.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Handshakes_OverTheNodeCap_TheNextStartsWhenARunningOneEnds()
    {
        await using var transport = await StartAsync(max: 2, perAddress: 16);
        await using var first = await CheckedPairAsync(transport, IPAddress.Parse("127.0.0.2"));
        await using var second = await CheckedPairAsync(transport, IPAddress.Parse("127.0.0.3"));
        await using var third = await CheckedPairAsync(transport, IPAddress.Parse("127.0.0.4"));
        await WaitUntilAsync(() => transport.PendingDtlsHandshakes == 2 && transport.WaitingDtlsHandshakes == 1,
            () => $"running {transport.PendingDtlsHandshakes}, waiting {transport.WaitingDtlsHandshakes}");

        first.Peer.Close("test: gives its slot back");
        await WaitUntilAsync(() => transport.WaitingDtlsHandshakes == 0 && transport.PendingDtlsHandshakes == 2,
            () => $"running {transport.PendingDtlsHandshakes}, waiting {transport.WaitingDtlsHandshakes}");
        await third.Browser.HandshakeAsync(DtlsRole.Client, third.Peer.Certificate.Fingerprint);
        await third.Peer.Connected.WaitAsync(Timeout);

        Assert.Equal(PeerConnectionState.Connected, third.Peer.State);
        Assert.Equal(1, transport.PendingDtlsHandshakes); // the second one still waits for its browser
    }

    [Fact]
    public async Task Strangers_10000RandomUsernamesAndDtlsFromUnknownAddresses_LeaveNothingBehind()
    {
        await using var transport = await StartAsync(max: 64, perAddress: 16);
        var peer = transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        await using var browser = new FakeBrowser(transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());
        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var senders = Enumerable.Range(2, 8).Select(i => new TestPeerSocket(IPAddress.Parse("127.0.1." + i))).ToList();
        try
        {
            long sent = 0;
            var clientHello = new byte[200];
            for (int batch = 0; batch < 20; batch++)
            {
                for (int i = 0; i < 500; i++)
                {
                    // A random local ufrag (half of them as long as allowed), a random remote one, a random key.
                    var username = RandomUfrag(i % 2 == 0 ? 4 : 200) + ":" + RandomUfrag(8);
                    var request = TestPeerSocket.BindingRequest(username, RandomNumberGenerator.GetBytes(16), out _, useCandidate: true);
                    senders[i % senders.Count].SendTo(request, transport.LocalEndPoint);
                    sent++;
                }

                // DTLS records (a ClientHello's first bytes) from addresses no check ever authenticated.
                RandomNumberGenerator.Fill(clientHello);
                clientHello[0] = 22;
                clientHello[1] = 0xFE;
                clientHello[2] = 0xFD;
                foreach (var sender in senders)
                {
                    sender.SendTo(clientHello, transport.LocalEndPoint);
                }

                // The real peer's ufrag with a wrong password.
                senders[batch % senders.Count].SendTo(
                    TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":" + browser.Ufrag, RandomNumberGenerator.GetBytes(16), out _),
                    transport.LocalEndPoint);
                sent++;
                long expected = sent;
                await WaitUntilAsync(() => transport.Counters.Stun >= expected, () => $"stun handled {transport.Counters.Stun} of {expected}");
            }
        }
        finally
        {
            senders.ForEach(s => s.Dispose());
        }

        Assert.Equal(1, transport.PeerCount);
        Assert.Equal(0, transport.KnownAddressCount);
        Assert.Equal(0, transport.PendingDtlsHandshakes);
        Assert.Equal(0, transport.WaitingDtlsHandshakes);
        Assert.Equal(PeerConnectionState.New, peer.State);
        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(memoryAfter - memoryBefore < 4 * 1024 * 1024, $"managed memory grew by {memoryAfter - memoryBefore} bytes");

        // The real browser still gets in.
        Assert.NotNull(await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes));
        await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
        await peer.Connected.WaitAsync(Timeout);
        Assert.Equal(1, transport.KnownAddressCount);
    }

    private static async Task<UdpMediaTransport> StartAsync(int max, int perAddress)
    {
        var transport = new UdpMediaTransport(new MediaTransportOptions
        {
            Port = 0,
            WarmUpDtls = false,
            DtlsHandshakeTimeout = TimeSpan.FromSeconds(15),
            MaxPendingDtlsHandshakes = max,
            MaxPendingDtlsHandshakesPerAddress = perAddress,
        });
        await transport.StartAsync();
        return transport;
    }

    /// <summary>A server peer answering a browser at <paramref name="address"/> that passed its ICE check (we are the DTLS server).</summary>
    private static async Task<Pair> CheckedPairAsync(UdpMediaTransport transport, IPAddress address)
    {
        var peer = transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        var browser = new FakeBrowser(transport.LocalEndPoint, bind: address);
        peer.CreateAnswer(browser.Offer());
        Assert.NotNull(await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes));
        return new Pair(peer, browser);
    }

    private static string RandomUfrag(int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
        return RandomNumberGenerator.GetString(Alphabet, length);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        var until = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out: " + describe());
            await Task.Delay(10);
        }
    }

    private sealed record Pair(PeerConnection Peer, FakeBrowser Browser) : IAsyncDisposable
    {
        public void Deconstruct(out PeerConnection peer, out FakeBrowser browser) => (peer, browser) = (Peer, Browser);

        public ValueTask DisposeAsync() => Browser.DisposeAsync();
    }
}
