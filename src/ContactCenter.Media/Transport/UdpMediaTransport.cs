using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Dtls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Media.Transport;

/// <summary>
/// The UDP port that serves every peer (ARCHITECTURE "The way a packet travels"). Receive threads (one per core by
/// default) demultiplex STUN, DTLS, RTP and RTCP (RFC 7983) and hand each datagram to its
/// <see cref="IDatagramEndpoint"/>: by STUN USERNAME until a check succeeds, by remote address after that. It
/// names no peer type; endpoints see it as their <see cref="IDatagramPort"/>.
/// </summary>
public sealed partial class UdpMediaTransport : IDatagramPort, IAsyncDisposable
{
    private readonly MediaTransportOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EndpointDirectory _endpoints = new();
    private readonly IceLiteResponder _ice;
    private readonly PeerAddressTable _byAddress = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private Socket[] _sockets = [];
    private ITimer? _consentTimer;

    public UdpMediaTransport(MediaTransportOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<UdpMediaTransport>();
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _ice = new IceLiteResponder(_endpoints, _time, _logger);
    }

    /// <summary>The bound address (its port is the real one when <see cref="MediaTransportOptions.Port"/> is 0).</summary>
    public IPEndPoint LocalEndPoint =>
        (IPEndPoint)(_socket?.LocalEndPoint ?? throw new InvalidOperationException("The transport is not started."));

    /// <summary>What our host candidates say: the announced address and the bound port.</summary>
    public IPEndPoint AnnouncedEndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public MediaTransportOptions Options => _options;

    public TimeProvider TimeProvider => _time;

    internal ILoggerFactory LoggerFactory { get; }

    /// <summary>Live endpoints (peers).</summary>
    public int PeerCount => _endpoints.Count;

    /// <summary>The live endpoints by id and ufrag; another transport (ICE-TCP) can share it.</summary>
    internal EndpointDirectory Endpoints => _endpoints;

    /// <summary>Counters for diagnostics (each receive thread writes its own block).</summary>
    public TransportCounters Counters { get; } = new();

    /// <summary>
    /// Binds the socket (one per receive thread, sharing the port with SO_REUSEPORT when there are several),
    /// optionally warms up DTLS, and starts the receive threads and the consent timer.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_socket is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        var listen = IPAddress.Parse(_options.ListenAddress);
        int threads = _options.EffectiveReceiveThreads;
        // Several sockets on one port need SO_REUSEPORT (Linux): the kernel then spreads remote addresses over
        // them by hash, so one remote address always reaches the same thread.
        if (threads > 1 && !LinuxUdp.IsSupported)
        {
            threads = 1;
        }

        if (threads > 1 && _options.Port != 0)
        {
            EnsurePortFree(listen, _options.Port);
        }

        var sockets = new Socket[threads];
        try
        {
            int port = _options.Port;
            for (int i = 0; i < threads; i++)
            {
                sockets[i] = OpenSocket(listen, port, reusePort: threads > 1, _options.SocketBufferBytes);
                port = ((IPEndPoint)sockets[i].LocalEndPoint!).Port;
            }
        }
        catch
        {
            foreach (var opened in sockets)
            {
                opened?.Dispose();
            }

            throw;
        }

        _sockets = sockets;
        _socket = sockets[0];
        var bound = (IPEndPoint)_socket.LocalEndPoint!;
        var announced = string.IsNullOrWhiteSpace(_options.AnnouncedAddress)
            ? (listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : listen)
            : IPAddress.Parse(_options.AnnouncedAddress);
        AnnouncedEndPoint = new IPEndPoint(announced, bound.Port);
        TransportLog.Listening(_logger, bound, AnnouncedEndPoint);

        if (_options.WarmUpDtls)
        {
            // In the background: the host need not wait, and a browser takes longer than this to call anyway.
            WarmUp = Task.Run(WarmUpAsync, CancellationToken.None);
        }

        StartReceiveThreads(sockets);
        _consentTimer = _time.CreateTimer(static state => ((UdpMediaTransport)state!).CheckConsent(), this,
            _options.ConsentCheckInterval, _options.ConsentCheckInterval);
        return Task.CompletedTask;
    }

    /// <summary>
    /// SO_REUSEPORT would let a second server of the same user join our port and take part of its traffic unseen.
    /// A plain bind first fails while anyone holds the port, ours included, so that case stays "port in use".
    /// </summary>
    private static void EnsurePortFree(IPAddress listen, int port)
    {
        using var probe = new Socket(listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(listen, port));
    }

    private static Socket OpenSocket(IPAddress listen, int port, bool reusePort, int bufferBytes)
    {
        var socket = new Socket(listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            LinuxUdp.SetBuffers(socket, Math.Max(bufferBytes, 64 * 1024));
            if (reusePort)
            {
                socket.SetRawSocketOption(LinuxUdp.SolSocket, LinuxUdp.SoReusePort, BitConverter.GetBytes(1));
            }

            socket.Bind(new IPEndPoint(listen, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The start-up DTLS warm-up (completed when disabled).</summary>
    public Task WarmUp { get; private set; } = Task.CompletedTask;

    /// <summary>Raised once per endpoint when it closes and leaves the transport.</summary>
    public event Action<IDatagramEndpoint>? EndpointClosed;

    /// <summary>Adds an endpoint whose STUN checks this transport will route to it by <paramref name="ufrag"/>.</summary>
    internal void Register(IDatagramEndpoint endpoint, string ufrag)
    {
        if (!_endpoints.TryAdd(endpoint, ufrag))
        {
            throw new InvalidOperationException("ICE ufrag collision.");
        }
    }

    /// <summary>A live endpoint by its id (a peer's first local ufrag).</summary>
    public bool TryGetEndpoint(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IDatagramEndpoint? endpoint) =>
        _endpoints.TryGet(id, out endpoint);

    /// <summary>
    /// Sends one datagram. Never throws: a failed send is counted and logged. On a receive thread the datagram
    /// joins that thread's batch, which goes out in one sendmmsg call after the received batch is handled.
    /// </summary>
    public bool Send(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        var shard = t_shard;
        if (shard is not null && ReferenceEquals(shard.Transport, this) && shard.TryQueue(datagram, remote))
        {
            return true;
        }

        var socket = _socket;
        if (socket is null)
        {
            return false;
        }

        try
        {
            socket.SendTo(datagram, SocketFlags.None, remote);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Counters.CountSendError();
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                TransportLog.SendFailed(_logger, remote.ToEndPoint(), ex.Message);
            }

            return false;
        }
    }

    /// <summary>
    /// On this transport's receive thread, a free slot of its send batch to build a datagram in place (at least
    /// <paramref name="minLength"/> bytes); empty anywhere else. Follow with <see cref="CommitSend"/>.
    /// </summary>
    internal Span<byte> ReserveSend(int minLength)
    {
        var shard = t_shard;
        if (shard is null || !ReferenceEquals(shard.Transport, this))
        {
            return [];
        }

        var slot = shard.Reserve();
        return slot.Length >= minLength ? slot : [];
    }

    /// <summary>Queues the <paramref name="length"/> bytes built in the slot <see cref="ReserveSend"/> gave.</summary>
    internal bool CommitSend(int length, SocketAddress remote) => t_shard is { } shard && shard.Commit(length, remote);

    /// <summary>Closes every endpoint whose last valid check is older than the consent timeout (RFC 7675 §5.1).</summary>
    public void CheckConsent()
    {
        var now = _time.GetUtcNow();
        foreach (var endpoint in _endpoints.All)
        {
            if (now - endpoint.LastConsent > _options.ConsentTimeout)
            {
                TransportLog.ConsentExpired(_logger, endpoint.Id, _options.ConsentTimeout);
                endpoint.Close("ICE consent expired");
            }
        }
    }

    Span<byte> IDatagramPort.ReserveSend(int minLength) => ReserveSend(minLength);

    bool IDatagramPort.CommitSend(int length, SocketAddress remote) => CommitSend(length, remote);

    void IDatagramPort.Route(SocketAddress remote, IDatagramEndpoint endpoint) => _byAddress.Set(remote, endpoint);

    void IDatagramPort.Unroute(SocketAddress remote, IDatagramEndpoint endpoint) => _byAddress.Remove(remote, endpoint);

    /// <summary>
    /// The endpoint closed (it already dropped its ufrags and routes): it leaves the directory, and
    /// <see cref="EndpointClosed"/> is raised once.
    /// </summary>
    internal void Unregister(IDatagramEndpoint endpoint)
    {
        if (_endpoints.Remove(endpoint))
        {
            EndpointClosed?.Invoke(endpoint);
        }
    }

    private async Task WarmUpAsync()
    {
        try
        {
            TransportLog.WarmedUp(_logger, await DtlsWarmup.RunAsync(DtlsCertificate.Shared).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            TransportLog.WarmUpFailed(_logger, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _consentTimer?.Dispose();
        foreach (var endpoint in _endpoints.All)
        {
            endpoint.Close("transport stopped");
        }

        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        await StopReceiveThreadsAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
