using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Tests.TestDoubles;

namespace ContactCenter.Sip.Tests.UserAgent;

/// <summary>Runs alone: it counts the process's threads, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(SipTcpExhaustionCollection), DisableParallelization = true)]
public sealed class SipTcpExhaustionCollection;

/// <summary>SIP over TCP under abuse: connection caps, timeouts, bounded buffers, replies that never block a thread.</summary>
[Collection(nameof(SipTcpExhaustionCollection))]
public sealed class SipTcpLimitsTests
{
    private static readonly IPAddress s_attacker = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Options_100TcpClientsThatNeverRead_StillAnsweredWithin100MsWithoutMoreThreads()
    {
        await using var uas = new UasHarness();
        using (var warm = uas.Client(tcp: true))
        {
            warm.Send(SipScript.Options(warm, "z9hG4bKwarm"));
            Assert.NotNull(warm.ReceiveStatus(200));
        }
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;

        // Each attacker pipelines 600 OPTIONS (about 240 KB of replies) and never reads one.
        var attackers = new List<Socket>();
        var sends = new List<Task>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var socket = NeverReadingSocket();
                attackers.Add(socket);
                socket.Bind(new IPEndPoint(s_attacker, 0));
                try
                {
                    await socket.ConnectAsync(uas.Agent.LocalEndPoint);
                }
                catch (SocketException)
                {
                    // Refused by the server's connection cap: that is the point.
                    continue;
                }
                sends.Add(SendIgnoringErrorsAsync(socket, Pipelined(socket, 600)));
            }
            await Task.Delay(TimeSpan.FromSeconds(2));

            using var udp = uas.Client();
            var udpTime = TimeOptions(udp, "z9hG4bKudp");
            using var tcp = uas.Client(tcp: true);
            var tcpTime = TimeOptions(tcp, "z9hG4bKtcp");
            var threadsAfter = Process.GetCurrentProcess().Threads.Count;

            Assert.True(udpTime < TimeSpan.FromMilliseconds(100), $"OPTIONS over UDP answered in {udpTime.TotalMilliseconds:F0} ms");
            Assert.True(tcpTime < TimeSpan.FromMilliseconds(100), $"OPTIONS over a fresh TCP connection answered in {tcpTime.TotalMilliseconds:F0} ms");
            Assert.True(threadsAfter - threadsBefore <= 10, $"threads went from {threadsBefore} to {threadsAfter}");
        }
        finally
        {
            foreach (var socket in attackers)
            {
                socket.Dispose();
            }
            await Task.WhenAll(sends);
        }
    }

    [Fact]
    public async Task Accept_OverThePerAddressCap_ClosedWhileOtherAddressesAreServed()
    {
        await using var uas = new UasHarness(o => o.MaxTcpConnectionsPerAddress = 2);
        using var first = Connect(uas, s_attacker);
        using var second = Connect(uas, s_attacker);
        Assert.True(await Wait.UntilAsync(() => uas.Agent.TcpConnectionCount == 2));

        using var third = Connect(uas, s_attacker);

        Assert.True(IsClosedByServer(third, TimeSpan.FromSeconds(5)));
        using var phone = uas.Client(tcp: true);
        phone.Send(SipScript.Options(phone, "z9hG4bKcap"));
        Assert.NotNull(phone.ReceiveStatus(200));
    }

    [Fact]
    public async Task Read_HalfAHeaderHeld_ClosedAfterTheMessageTimeout()
    {
        await using var uas = new UasHarness(o => o.TcpMessageTimeoutSeconds = 1);
        using var slow = Connect(uas, s_attacker);

        slow.Send("OPTIONS sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.2:5060;branch=z9hG4bKhalf\r\nMax-For"u8.ToArray());

        Assert.True(IsClosedByServer(slow, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Read_IdleConnection_ClosedAfterTheIdleTimeout()
    {
        await using var uas = new UasHarness(o => o.TcpIdleTimeoutSeconds = 1);
        using var idle = Connect(uas, s_attacker);

        Assert.True(IsClosedByServer(idle, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Send_ClientNeverReads_DroppedWhenItsRepliesPileUp()
    {
        await using var uas = new UasHarness(o => (o.MaxMessageBytes, o.TcpSendQueueBytes) = (4096, 8192));
        var socket = NeverReadingSocket();
        socket.Bind(new IPEndPoint(s_attacker, 0));
        await socket.ConnectAsync(uas.Agent.LocalEndPoint);
        Assert.True(await Wait.UntilAsync(() => uas.Agent.TcpConnectionCount == 1));

        var send = SendIgnoringErrorsAsync(socket, Pipelined(socket, 20000));

        Assert.True(await Wait.UntilAsync(() => uas.Agent.TcpConnectionCount == 0, TimeSpan.FromSeconds(20)),
            "the connection that never reads is still open");
        socket.Dispose();
        await send;
    }

    [Fact]
    public async Task Read_ContentLengthOverTheLimit_Answered513AndClosed()
    {
        await using var uas = new UasHarness(o => o.MaxMessageBytes = 4096);
        using var phone = uas.Client(tcp: true);

        phone.Send(SipScript.Options(phone, "z9hG4bKbig").Replace("Content-Length: 0", "Content-Length: 100000", StringComparison.Ordinal));

        Assert.NotNull(phone.ReceiveStatus(513));
        Assert.Null(phone.Receive());
    }

    [Fact]
    public async Task Read_DatagramOverTheLimit_Answered513()
    {
        await using var uas = new UasHarness(o => o.MaxMessageBytes = 4096);
        using var phone = uas.Client();

        phone.Send(SipScript.Invite(phone, "c-big", "z9hG4bKbigudp", sdp: SipScript.Sdp(phone.Port + 2) + "a=x-pad:" + new string('x', 5000) + "\r\n"));

        Assert.NotNull(phone.ReceiveStatus(513));
    }

    /// <summary>
    /// A client with a small receive window and a small segment size, as over a real network: loopback's 64 KB
    /// segments would otherwise let the server's send buffer grow to megabytes before a reply blocks.
    /// </summary>
    private static Socket NeverReadingSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        const int ipProtoTcp = 6;
        const int tcpMaxSegment = 2; // TCP_MAXSEG (Linux)
        socket.SetRawSocketOption(ipProtoTcp, tcpMaxSegment, BitConverter.GetBytes(536));
        return socket;
    }

    private static Socket Connect(UasHarness uas, IPAddress from)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        socket.Connect(uas.Agent.LocalEndPoint);
        return socket;
    }

    /// <summary>True when the server closes the connection (orderly or reset) within the bound.</summary>
    private static bool IsClosedByServer(Socket socket, TimeSpan bound)
    {
        socket.ReceiveTimeout = (int)bound.TotalMilliseconds;
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                if (socket.Receive(buffer) == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode != SocketError.TimedOut;
        }
    }

    private static TimeSpan TimeOptions(SipTestClient client, string branch)
    {
        var watch = Stopwatch.StartNew();
        client.Send(SipScript.Options(client, branch));
        Assert.NotNull(client.ReceiveStatus(200));
        return watch.Elapsed;
    }

    private static byte[] Pipelined(Socket socket, int count)
    {
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("OPTIONS sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.2:").Append(port)
                .Append(";branch=z9hG4bKp").Append(i).Append("\r\nMax-Forwards: 70\r\nFrom: <sip:ping@127.0.0.2>;tag=p\r\n")
                .Append("To: <sip:cc@127.0.0.1>\r\nCall-ID: pipelined-").Append(port).Append("\r\nCSeq: ").Append(i + 1)
                .Append(" OPTIONS\r\nContent-Length: 0\r\n\r\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static async Task SendIgnoringErrorsAsync(Socket socket, byte[] data)
    {
        try
        {
            await socket.SendAsync(data, SocketFlags.None);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The server dropped us, or the test is over.
        }
    }
}
