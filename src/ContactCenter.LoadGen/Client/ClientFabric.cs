using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Transport;

namespace ContactCenter.LoadGen.Client;

/// <summary>
/// The network of every synthetic peer: a few UDP sockets on INADDR_ANY sharing one port (SO_REUSEPORT), and a
/// loopback address per peer (127.1.0.1, 127.1.0.2, …). IP_PKTINFO sends each datagram from its peer's address
/// and tells which peer a received datagram is for, so thousands of peers cost a few sockets and threads instead
/// of one socket and one pending receive each. Receive threads take datagrams in recvmmsg batches, and a sender
/// thread may collect its datagrams into a sendmmsg batch (<see cref="BeginBatch"/>). Linux, 64-bit.
/// A peer's datagrams always reach the same receive thread (the kernel hashes the address pair), so a peer's
/// receive side stays single-threaded.
/// </summary>
internal sealed class ClientFabric : IDisposable
{
    private const int FirstHost = 0x7F010001; // 127.1.0.1
    private const int BatchSize = 64;
    private const int SlotLength = 2048;

    private static readonly Lazy<ClientFabric> SharedFabric = new(() => new ClientFabric(ReceiveThreads()));

    [ThreadStatic]
    private static DatagramBatch? t_sends;

    [ThreadStatic]
    private static DatagramBatch? t_direct;

    private readonly Socket[] _sockets;
    private readonly Thread[] _threads;
    private readonly Lock _peersLock = new();
    private volatile ClientPeer?[] _peers = new ClientPeer?[1024];
    private int _nextHost;
    private volatile bool _stopping;

    private ClientFabric(int threads)
    {
        if (!LinuxUdp.IsSupported)
        {
            throw new PlatformNotSupportedException("The load generator needs 64-bit Linux (IP_PKTINFO, recvmmsg, sendmmsg).");
        }

        _sockets = new Socket[threads];
        int port = 0;
        for (int i = 0; i < threads; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            // Large buffers (Linux caps them at net.core.rmem_max/wmem_max): thousands of peers share them.
            LinuxUdp.SetBuffers(socket, 32 << 20);
            socket.SetRawSocketOption(LinuxUdp.SolSocket, LinuxUdp.SoReusePort, BitConverter.GetBytes(1));
            socket.SetRawSocketOption(LinuxUdp.IpProtoIp, LinuxUdp.IpPacketInfo, BitConverter.GetBytes(1));
            socket.SetRawSocketOption(LinuxUdp.SolSocket, LinuxUdp.SoRcvTimeo, LinuxUdp.TimeVal(TimeSpan.FromMilliseconds(250)));
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            _sockets[i] = socket;
        }

        Port = port;
        _threads = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            var socket = _sockets[i];
            _threads[i] = new Thread(() => ReceiveLoop(socket)) { IsBackground = true, Name = "loadgen-receive-" + i };
            _threads[i].Start();
        }
    }

    /// <summary>The process's fabric, created on first use.</summary>
    public static ClientFabric Shared => SharedFabric.Value;

    /// <summary>The port every peer address uses.</summary>
    public int Port { get; }

    /// <summary>Gives <paramref name="peer"/> its own loopback address.</summary>
    public IPEndPoint Register(ClientPeer peer, out uint address)
    {
        lock (_peersLock)
        {
            int host = _nextHost++;
            var peers = _peers;
            if (host >= peers.Length)
            {
                Array.Resize(ref peers, peers.Length * 2);
            }

            peers[host] = peer;
            _peers = peers;
            var ip = new IPAddress(BinaryPrimitives.ReverseEndianness((uint)(FirstHost + host)));
            address = BitConverter.ToUInt32(ip.GetAddressBytes());
            return new IPEndPoint(ip, Port);
        }
    }

    public void Unregister(uint address)
    {
        int host = HostIndex(address);
        lock (_peersLock)
        {
            if ((uint)host < (uint)_peers.Length)
            {
                _peers[host] = null;
            }
        }
    }

    /// <summary>
    /// From now until <see cref="EndBatch"/>, this thread's sends are collected and go out in sendmmsg calls
    /// (a sender thread wraps each pass over its streams).
    /// </summary>
    public static void BeginBatch() => t_sends ??= new DatagramBatch(BatchSize, SlotLength, packetInfo: true);

    /// <summary>Sends what this thread collected.</summary>
    public void EndBatch()
    {
        if (t_sends is { Count: > 0 } sends)
        {
            sends.Flush(Fd(_sockets[0]), out _);
        }
    }

    /// <summary>Sends one datagram from a peer's address (never throws; failures show up as loss).</summary>
    public void Send(uint source, SocketAddress remote, ReadOnlySpan<byte> datagram)
    {
        var sends = t_sends;
        if (sends is null)
        {
            // Other threads (ICE, DTLS, consent timers): one datagram per call, through a batch of one that
            // each thread allocates once.
            var direct = t_direct ??= new DatagramBatch(1, SlotLength, packetInfo: true);
            direct.TryAdd(datagram, remote, source);
            direct.Flush(Fd(_sockets[0]), out _);
            return;
        }

        if (!sends.TryAdd(datagram, remote, source))
        {
            sends.Flush(Fd(_sockets[0]), out _);
            sends.TryAdd(datagram, remote, source);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    /// <summary>
    /// LOADGEN_RECEIVE_THREADS, else 2. Measured on the 2-core machine at whisper x100: one socket that both sends
    /// and receives held packets for milliseconds (p50 4 ms); two gave p50 0.44 ms, four 0.9 ms.
    /// </summary>
    private static int ReceiveThreads() =>
        int.TryParse(Environment.GetEnvironmentVariable("LOADGEN_RECEIVE_THREADS"), out int n) && n is > 0 and <= 16 ? n : 2;

    private static int HostIndex(uint address) => (int)(BinaryPrimitives.ReverseEndianness(address) - FirstHost);

    private static int Fd(Socket socket) => (int)socket.Handle;

    private void ReceiveLoop(Socket socket)
    {
        using var batch = new DatagramBatch(BatchSize, SlotLength, packetInfo: true);
        var from = new SocketAddress(AddressFamily.InterNetwork);
        int fd = Fd(socket);
        while (!_stopping)
        {
            int count = batch.Receive(fd);
            for (int i = 0; i < count; i++)
            {
                int host = HostIndex(batch.DestinationAddress(i));
                var peers = _peers;
                if ((uint)host >= (uint)peers.Length || peers[host] is not { } peer)
                {
                    continue;
                }

                batch.CopyAddress(i, from);
                peer.Handle(batch.Slot(i).Slice(0, batch.Length(i)), from);
            }
        }
    }
}
