using System.Net;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Echo;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Stun;
using ContactCenter.Media.Tests.Peers;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Transport;

public sealed class UdpMediaTransportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StartAsync_PortZero_BindsEphemeralPortAndAnnouncesIt()
    {
        await using var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0, WarmUpDtls = false });

        await transport.StartAsync();

        Assert.NotEqual(0, transport.LocalEndPoint.Port);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, transport.LocalEndPoint.Port), transport.AnnouncedEndPoint);
    }

    [Fact]
    public async Task StartAsync_AnnouncedAddress_UsedInCandidates()
    {
        await using var transport = new UdpMediaTransport(
            new MediaTransportOptions { Port = 0, WarmUpDtls = false, AnnouncedAddress = "203.0.113.7" });
        await transport.StartAsync();
        var peer = transport.CreatePeer();
        await using var browser = new FakeBrowser(transport.LocalEndPoint);

        var answer = peer.CreateAnswer(browser.Offer());

        Assert.Contains($"a=candidate:1 1 udp 2130706431 203.0.113.7 {transport.LocalEndPoint.Port} typ host", answer, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.7", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeveralAnnouncedAddresses_OneCandidateEachInOrderOfPreference()
    {
        await using var transport = new UdpMediaTransport(
            new MediaTransportOptions { Port = 0, WarmUpDtls = false, AnnouncedAddress = "127.0.0.2, ::1 127.0.0.3" });
        await transport.StartAsync();
        var peer = transport.CreatePeer();
        await using var browser = new FakeBrowser(transport.LocalEndPoint);
        int port = transport.LocalEndPoint.Port;

        var answer = peer.CreateAnswer(browser.Offer());

        Assert.Equal(
            [new IPEndPoint(IPAddress.Parse("127.0.0.2"), port), new IPEndPoint(IPAddress.IPv6Loopback, port), new IPEndPoint(IPAddress.Parse("127.0.0.3"), port)],
            transport.AnnouncedEndPoints);
        Assert.Contains($"a=candidate:1 1 udp 2130706431 127.0.0.2 {port} typ host\r\n", answer, StringComparison.Ordinal);
        Assert.Contains($"a=candidate:2 1 udp 2130706175 ::1 {port} typ host\r\n", answer, StringComparison.Ordinal);
        Assert.Contains($"a=candidate:3 1 udp 2130705919 127.0.0.3 {port} typ host\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 127.0.0.2", answer, StringComparison.Ordinal);
        Assert.True(answer.IndexOf("127.0.0.2 " + port, StringComparison.Ordinal) < answer.IndexOf("::1 " + port, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1, not-an-address")]
    [InlineData("127.0.0.1, 127.0.0.1")]
    public async Task StartAsync_BadAnnouncedList_RefusesWithTheSetting(string list)
    {
        await using var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0, WarmUpDtls = false, AnnouncedAddress = list });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.StartAsync());

        Assert.Contains("Media:AnnouncedAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WarmUp_Completes()
    {
        await using var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0 });

        await transport.StartAsync();

        await transport.WarmUp.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(transport.WarmUp.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Dispatch_RandomAndTruncatedDatagrams_NeverThrowAndLoopKeepsServing()
    {
        await using var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0, WarmUpDtls = false });
        await transport.StartAsync();
        var peer = transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        await using var browser = new FakeBrowser(transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());
        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);
        await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
        await peer.Connected.WaitAsync(Timeout);

        // From the peer's own (known) address: every protocol's handler sees the garbage.
        var random = new Random(7);
        var valid = TestPeerSocket.BindingRequest(peer.LocalIce.Ufrag + ":brws", peer.LocalIce.PasswordBytes, out _);
        var rtp = PeerConnectionMediaTests.Rtp(111, 1111, 1, [1, 2, 3]);
        for (int i = 0; i < 3000; i++)
        {
            byte[] datagram = (i % 6) switch
            {
                0 => RandomBytes(random, random.Next(1, 1500)),
                1 => valid[..random.Next(1, valid.Length)],                        // truncated STUN
                2 => WithFirstByte(RandomBytes(random, random.Next(1, 200)), 22),  // DTLS-looking handshake garbage
                3 => WithFirstByte(RandomBytes(random, random.Next(1, 300)), 0x80), // RTP-looking garbage
                4 => WithSecondByte(WithFirstByte(RandomBytes(random, random.Next(2, 100)), 0x81), 200), // RTCP-looking
                _ => rtp[..random.Next(1, rtp.Length)],                            // truncated plain RTP
            };
            browser.SendRaw(datagram);
        }

        // The loop is alive and the peer still works: a check is answered and SRTP still echoes.
        Assert.NotNull(await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes));
        browser.SendRtp(PeerConnectionMediaTests.Rtp(111, 1111, 2, [42]));
        Assert.NotNull(await browser.ReceiveMediaAsync(Timeout));
        Assert.Equal(0, transport.Counters.HandlerErrors);
        Assert.True(peer.UnprotectFailures > 0);
    }

    [Fact]
    public void Dispatch_RandomBuffersFromUnknownAddresses_CountedAsDroppedNotErrors()
    {
        var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0, WarmUpDtls = false });
        var from = new IPEndPoint(IPAddress.Loopback, 5555).Serialize();
        var random = new Random(11);
        var buffer = new byte[UdpMediaTransport.ReceiveBufferLength];
        for (int i = 0; i < 5000; i++)
        {
            int length = random.Next(0, 1500);
            random.NextBytes(buffer.AsSpan(0, length));
            transport.Dispatch(buffer, length, from);
        }

        Assert.Equal(0, transport.Counters.HandlerErrors);
        Assert.Equal(5000, transport.Counters.Datagrams);
    }

    [Fact]
    public async Task Dispatch_SinkThrows_ExceptionContainedAndLoopContinues()
    {
        await using var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0, WarmUpDtls = false });
        await transport.StartAsync();
        var peer = transport.CreatePeer();
        peer.Sink = new ThrowingSink();
        await using var browser = new FakeBrowser(transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());
        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);
        await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
        await peer.Connected.WaitAsync(Timeout);

        browser.SendRtp(PeerConnectionMediaTests.Rtp(111, 1111, 1, [1]));

        // The check after the packet is answered only if the loop survived the sink's exception.
        Assert.NotNull(await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes));
        Assert.Equal(1, transport.Counters.HandlerErrors);
        Assert.Equal(1, peer.RtpPacketsReceived);
    }

    [Fact]
    public async Task Dispatch_SrtpEchoAfterWarmUp_AllocatesNothingPerPacket()
    {
        await using var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0, WarmUpDtls = false });
        await transport.StartAsync();
        var peer = transport.CreatePeer();
        peer.Sink = EchoSink.Instance;
        await using var browser = new FakeBrowser(transport.LocalEndPoint);
        peer.CreateAnswer(browser.Offer());
        await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes);
        await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
        await peer.Connected.WaitAsync(Timeout);

        const int WarmUp = 200;
        const int Measured = 2000;
        var packets = new byte[WarmUp + Measured][];
        for (int i = 0; i < packets.Length; i++)
        {
            packets[i] = browser.Protect(PeerConnectionMediaTests.Rtp(111, 1111, (ushort)(i + 1), new byte[160]));
        }

        // The receive loop's path, on this thread: demux, address lookup, unprotect, echo sink, protect, send.
        var from = browser.LocalEndPoint.Serialize();
        var buffer = new byte[UdpMediaTransport.ReceiveBufferLength];
        for (int i = 0; i < WarmUp; i++)
        {
            packets[i].CopyTo(buffer, 0);
            transport.Dispatch(buffer, packets[i].Length, from);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = WarmUp; i < packets.Length; i++)
        {
            packets[i].CopyTo(buffer, 0);
            transport.Dispatch(buffer, packets[i].Length, from);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(WarmUp + Measured, peer.RtpPacketsReceived);
        Assert.Equal(WarmUp + Measured, peer.PacketsSent);
        Assert.True(allocated < Measured, $"{allocated} bytes allocated for {Measured} packets");
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] WithFirstByte(byte[] bytes, byte first)
    {
        bytes[0] = first;
        return bytes;
    }

    private static byte[] WithSecondByte(byte[] bytes, byte second)
    {
        bytes[1] = second;
        return bytes;
    }

    private sealed class ThrowingSink : IRtpSink
    {
        public void OnRtp(PeerConnection from, Span<byte> packet) => throw new InvalidOperationException("sink bug");

        public void OnRtcp(PeerConnection from, Span<byte> packet) => throw new InvalidOperationException("sink bug");
    }
}
