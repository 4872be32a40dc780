using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Echo;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Transport;
using ContactCenter.Media.Tests.Peers;

namespace ContactCenter.Media.Tests.Transport;

/// <summary>
/// The receive threads over real UDP on 127.0.0.1: recvmmsg/sendmmsg batches (64-bit Linux), the one-datagram
/// fallback, and several SO_REUSEPORT sockets on one port.
/// </summary>
public sealed class BatchedTransportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void DatagramBatch_SendManyThenReceiveMany_KeepsBytesLengthsAndSenders()
    {
        Assert.True(LinuxUdp.IsSupported, "the CI machine is 64-bit Linux; this test is about its system calls");
        using var sender = Bound();
        using var receiver = Bound();
        receiver.ReceiveTimeout = 2000;
        using var sends = new DatagramBatch(16, UdpMediaTransport.ReceiveBufferLength);
        using var receives = new DatagramBatch(8, UdpMediaTransport.ReceiveBufferLength);
        var target = receiver.LocalEndPoint!.Serialize();
        for (int i = 0; i < 16; i++)
        {
            Assert.True(sends.TryAdd(Datagram(i), target));
        }

        Assert.False(sends.TryAdd(Datagram(99), target)); // full: the caller flushes first
        sends.Flush((int)sender.Handle, out int failed);
        Assert.Equal(0, failed);
        Assert.Equal(0, sends.Count);

        var from = new SocketAddress(AddressFamily.InterNetwork);
        var expectedSender = sender.LocalEndPoint!.Serialize();
        int next = 0;
        while (next < 16)
        {
            int count = receives.Receive((int)receiver.Handle);
            Assert.True(count > 0, $"received {next} of 16");
            Assert.True(count <= 8);
            for (int i = 0; i < count; i++, next++)
            {
                Assert.Equal(Datagram(next), receives.Slot(i)[..receives.Length(i)].ToArray());
                receives.CopyAddress(i, from);
                Assert.Equal(expectedSender, from);
            }
        }
    }

    [Fact]
    public void DatagramBatch_PacketInfo_SendsFromAndReceivesForAnyLoopbackAddress()
    {
        Assert.True(LinuxUdp.IsSupported, "the CI machine is 64-bit Linux; this test is about its system calls");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.SetRawSocketOption(LinuxUdp.IpProtoIp, LinuxUdp.IpPacketInfo, BitConverter.GetBytes(1));
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        using var sends = new DatagramBatch(4, 256, packetInfo: true);
        using var receives = new DatagramBatch(4, 256, packetInfo: true);
        uint source = Word("127.1.0.7");
        var target = new IPEndPoint(IPAddress.Parse("127.1.0.9"), port).Serialize();
        Assert.True(sends.TryAdd([1, 2, 3], target, source));
        Assert.True(sends.TryAdd([4, 5], target, 0)); // 0: the socket's own choice of source
        sends.Flush((int)socket.Handle, out int failed);
        Assert.Equal(0, failed);

        var from = new SocketAddress(AddressFamily.InterNetwork);
        var seen = new List<(byte[] Data, uint Destination, IPEndPoint From)>();
        while (seen.Count < 2)
        {
            int count = receives.Receive((int)socket.Handle);
            Assert.True(count > 0);
            for (int i = 0; i < count; i++)
            {
                receives.CopyAddress(i, from);
                seen.Add((receives.Slot(i)[..receives.Length(i)].ToArray(), receives.DestinationAddress(i),
                    (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from)));
            }
        }

        Assert.Equal([1, 2, 3], seen[0].Data);
        Assert.Equal(Word("127.1.0.9"), seen[0].Destination);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.1.0.7"), port), seen[0].From);
        Assert.Equal([4, 5], seen[1].Data);
        Assert.Equal(Word("127.1.0.9"), seen[1].Destination);
    }

    [Fact]
    public void SetBuffers_Privileged_PassesTheSystemCap()
    {
        using var socket = Bound();
        LinuxUdp.SetBuffers(socket, 8 << 20);
        int cap = int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        // Linux reports twice the requested size (bookkeeping overhead); FORCE ignores rmem_max when privileged.
        int expected = Environment.IsPrivilegedProcess ? 8 << 20 : Math.Min(8 << 20, cap);
        Assert.True(socket.ReceiveBufferSize >= expected, $"receive buffer {socket.ReceiveBufferSize}, expected ≥ {expected}");
    }

    [Fact]
    public void DatagramBatch_OversizeDatagram_IsRefused()
    {
        using var sends = new DatagramBatch(4, 64);
        Assert.False(sends.TryAdd(new byte[65], new IPEndPoint(IPAddress.Loopback, 9).Serialize()));
        Assert.True(sends.TryAdd(new byte[64], new IPEndPoint(IPAddress.Loopback, 9).Serialize()));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public async Task Transport_SrtpEcho_WorksInEveryReceiveMode(int threads, bool batched)
    {
        await using var transport = new UdpMediaTransport(
            new MediaTransportOptions { Port = 0, WarmUpDtls = false, ReceiveThreads = threads, BatchedIo = batched });
        await transport.StartAsync();
        // Several browsers, so that with several sockets the kernel's hash spreads them over the threads.
        var browsers = new List<FakeBrowser>();
        try
        {
            for (int b = 0; b < 4; b++)
            {
                var peer = transport.CreatePeer();
                peer.Sink = EchoSink.Instance;
                var browser = new FakeBrowser(transport.LocalEndPoint);
                browsers.Add(browser);
                peer.CreateAnswer(browser.Offer());
                Assert.NotNull(await browser.CheckAsync(peer.LocalIce.Ufrag, peer.LocalIce.PasswordBytes));
                await browser.HandshakeAsync(DtlsRole.Client, peer.Certificate.Fingerprint);
                await peer.Connected.WaitAsync(Timeout);
            }

            for (ushort seq = 1; seq <= 50; seq++)
            {
                foreach (var browser in browsers)
                {
                    browser.SendRtp(PeerConnectionMediaTests.Rtp(111, 1111, seq, [(byte)seq]));
                }
            }

            foreach (var browser in browsers)
            {
                for (int i = 0; i < 50; i++)
                {
                    Assert.NotNull(await browser.ReceiveMediaAsync(Timeout));
                }
            }
        }
        finally
        {
            foreach (var browser in browsers)
            {
                await browser.DisposeAsync();
            }
        }

        Assert.Equal(0, transport.Counters.HandlerErrors);
        Assert.Equal(0, transport.Counters.SendErrors);
        Assert.True(transport.Counters.Rtp >= 200);
        Assert.True(transport.Counters.ReceiveCalls > 0);
        if (batched && LinuxUdp.IsSupported)
        {
            Assert.True(transport.Counters.BatchedSendCalls > 0, "echoes from the receive threads go out in sendmmsg batches");
        }
        else
        {
            Assert.Equal(0, transport.Counters.BatchedSendCalls);
        }
    }

    [Fact]
    public async Task StartAsync_SecondServerOnTheSamePort_IsRefusedEvenWithReusePort()
    {
        int port;
        using (var free = Bound())
        {
            port = ((IPEndPoint)free.LocalEndPoint!).Port;
        }

        await using var first = new UdpMediaTransport(new MediaTransportOptions { Port = port, WarmUpDtls = false, ReceiveThreads = 2 });
        await first.StartAsync();
        await using var second = new UdpMediaTransport(new MediaTransportOptions { Port = port, WarmUpDtls = false, ReceiveThreads = 2 });

        var error = await Assert.ThrowsAsync<SocketException>(() => second.StartAsync());
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    [Fact]
    public async Task DisposeAsync_StopsEveryReceiveThread()
    {
        var transport = new UdpMediaTransport(new MediaTransportOptions { Port = 0, WarmUpDtls = false, ReceiveThreads = 2 });
        await transport.StartAsync();
        var port = transport.LocalEndPoint.Port;
        await transport.DisposeAsync().AsTask().WaitAsync(Timeout);
        // The port is free again: a plain bind succeeds.
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        again.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    private static uint Word(string address) => BitConverter.ToUInt32(IPAddress.Parse(address).GetAddressBytes());

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static byte[] Datagram(int i)
    {
        var bytes = new byte[20 + (i * 37 % 300)];
        bytes.AsSpan().Fill((byte)i);
        return bytes;
    }
}
