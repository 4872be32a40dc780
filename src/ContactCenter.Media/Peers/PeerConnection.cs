using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Peers;

/// <summary>
/// The server side of one browser's RTCPeerConnection: ICE-lite credentials, the DTLS handshake in whichever
/// role the SDP decided, one SRTP context per direction, and the negotiated m-lines. Created by
/// <see cref="UdpMediaTransport.CreatePeer"/>; all packets arrive through that transport.
/// </summary>
public sealed partial class PeerConnection : IDisposable
{
    private readonly UdpMediaTransport _transport;
    private readonly ILogger _logger;
    private readonly object _stateLock = new();
    private readonly object _sendLock = new();
    private readonly List<SocketAddress> _knownAddresses = [];
    private SocketAddress? _remoteAddress;
    private SrtpSession? _inbound;
    private SrtpSession? _outbound;
    private readonly long _createdTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    private long _lastConsentTicks;
    private int _state = (int)PeerConnectionState.New;

    internal PeerConnection(UdpMediaTransport transport, PeerConnectionOptions options)
    {
        _transport = transport;
        Options = options;
        _logger = transport.LoggerFactory.CreateLogger<PeerConnection>();
        _localIce = IceCredentials.Generate();
        Id = _localIce.Ufrag;
        Certificate = DtlsCertificate.Shared;
        DtlsChannel = new DtlsDatagramChannel(new PeerDatagramSender(this));
        _lastConsentTicks = transport.TimeProvider.GetUtcNow().UtcTicks;
    }

    /// <summary>Stable id for logs (our ufrag).</summary>
    public string Id { get; }

    public PeerConnectionOptions Options { get; }

    /// <summary>Our host candidates (one per announced address), as the transport formatted them at start.</summary>
    internal IReadOnlyList<string> HostCandidates =>
        _transport.HostCandidates is { Count: > 0 } hosts ? hosts : [Ice.IceCandidateFormatter.Host(_transport.AnnouncedEndPoint)];

    /// <summary>Our current ICE credentials: the ones the latest offer or answer carries (new after an ICE restart).</summary>
    public IceCredentials LocalIce => _localIce;

    public DtlsCertificate Certificate { get; }

    public string? RemoteUfrag { get; private set; }

    public string? RemotePassword { get; private set; }

    public DtlsFingerprint? RemoteFingerprint { get; private set; }

    /// <summary>Our DTLS role, once the SDP exchange decided it.</summary>
    public DtlsRole? DtlsRole { get; private set; }

    public PeerConnectionState State => (PeerConnectionState)Volatile.Read(ref _state);

    public bool IsClosed => State == PeerConnectionState.Closed;

    public string? CloseReason { get; private set; }

    /// <summary>The negotiated SRTP profile once connected.</summary>
    public SrtpProfile? SrtpProfile { get; private set; }

    /// <summary>The handshake's duration, once connected.</summary>
    public TimeSpan? DtlsHandshakeTime { get; private set; }

    /// <summary>Where the peer's media goes. Set before the answer is returned to avoid losing early packets.</summary>
    public IRtpSink? Sink { get; set; }

    /// <summary>Free slot for the code that owns this peer (a router's per-peer state).</summary>
    public object? UserState { get; set; }

    /// <summary>Raised on every state change, on a thread-pool or handshake thread.</summary>
    public event Action<PeerConnection, PeerConnectionState>? StateChanged;

    /// <summary>Completes when the peer reaches Connected; faults if it closes first.</summary>
    public Task Connected => _connected.Task;

    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Time of the last valid ICE check (consent freshness, RFC 7675).</summary>
    public DateTimeOffset LastConsent => new(Interlocked.Read(ref _lastConsentTicks), TimeSpan.Zero);

    /// <summary>The address we send to: the latest nominated (or first) address a valid check came from.</summary>
    public SocketAddress? RemoteAddress => _remoteAddress;

    internal DtlsDatagramChannel DtlsChannel { get; }

    internal IReadOnlyList<SocketAddress> KnownAddresses
    {
        get
        {
            lock (_knownAddresses)
            {
                return [.. _knownAddresses];
            }
        }
    }

    /// <summary>Closes the peer: stops the handshake, forgets its addresses, drops its SRTP contexts. Idempotent.</summary>
    public void Close(string reason)
    {
        lock (_stateLock)
        {
            if (State == PeerConnectionState.Closed)
            {
                return;
            }

            CloseReason = reason;
            Volatile.Write(ref _state, (int)PeerConnectionState.Closed);
        }

        PeerLog.Closed(_logger, Id, reason);
        _nominationTimer?.Dispose();
        DtlsChannel.Close();
        _transport.Unregister(this);
        _connected.TrySetException(new InvalidOperationException("The peer closed: " + reason));
        lock (_sendLock)
        {
            _outbound?.Dispose();
            _outbound = null;
        }

        StateChanged?.Invoke(this, PeerConnectionState.Closed);
    }

    public void Dispose() => Close("disposed");

    private bool TransitionTo(PeerConnectionState next)
    {
        lock (_stateLock)
        {
            var current = State;
            if (current == PeerConnectionState.Closed || current >= next)
            {
                return false;
            }

            Volatile.Write(ref _state, (int)next);
        }

        StateChanged?.Invoke(this, next);
        return true;
    }

    private sealed class PeerDatagramSender(PeerConnection peer) : IDatagramSender
    {
        public void Send(ReadOnlySpan<byte> datagram)
        {
            var address = peer._remoteAddress;
            if (address is not null)
            {
                peer._transport.Send(datagram, address);
            }
        }
    }
}
