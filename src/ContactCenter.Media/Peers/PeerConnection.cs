using System.Buffers.Binary;
using System.Net;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Peers;

/// <summary>
/// The server side of one browser's RTCPeerConnection, composed as Pion composes its PeerConnection: an
/// <see cref="IceLiteAgent"/> (credentials, paths, consent), a <see cref="PeerDtlsTransport"/> (role, fingerprint,
/// handshake), a <see cref="PeerSrtpTransport"/> (one SRTP context per direction), the m-lines
/// (<see cref="MediaLineTable"/>) and the offer/answer (<see cref="SdpAnswerer"/>, <see cref="SdpOfferer"/>).
/// This class holds the state machine and the surface; the transport reaches it only as an
/// <see cref="IDatagramEndpoint"/>. Created by <see cref="PeerTransportExtensions.CreatePeer"/>.
/// </summary>
public sealed class PeerConnection : IDatagramEndpoint, IDisposable
{
    private readonly UdpMediaTransport _transport;
    private readonly ILogger _logger;
    private readonly object _stateLock = new();
    private readonly long _createdTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly SdpAnswerer _answerer;
    private readonly SdpOfferer _offerer;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = (int)PeerConnectionState.New;

    private PeerConnection(UdpMediaTransport transport, PeerConnectionOptions options)
    {
        _transport = transport;
        Options = options;
        _logger = transport.LoggerFactory.CreateLogger<PeerConnection>();
        Ice = new IceLiteAgent(this, transport.Endpoints, transport.TimeProvider.GetUtcNow(), _logger);
        Id = Ice.Local.Ufrag;
        Dtls = new PeerDtlsTransport(
            new SelectedPathSender(Ice), DtlsCertificate.Shared, transport.TimeProvider, transport.Options.DtlsHandshakeTimeout,
            options.SrtpProfiles, TryStartDtls);
        Srtp = new PeerSrtpTransport(transport.Counters, _logger, Id);
        _answerer = new SdpAnswerer(this);
        _offerer = new SdpOfferer(this);
    }

    /// <summary>As DTLS client we wait this long for the browser's nomination before the ClientHello.</summary>
    internal static TimeSpan NominationWait => PeerDtlsTransport.NominationWait;

    /// <summary>Stable id for logs (our first ufrag).</summary>
    public string Id { get; }

    public PeerConnectionOptions Options { get; }

    /// <summary>Our current ICE credentials: the ones the latest offer or answer carries (new after an ICE restart).</summary>
    public IceCredentials LocalIce => Ice.Local;

    public DtlsCertificate Certificate => Dtls.Certificate;

    public string? RemoteUfrag => Ice.RemoteUfrag;

    public string? RemotePassword => Ice.RemotePassword;

    public DtlsFingerprint? RemoteFingerprint => Dtls.RemoteFingerprint;

    /// <summary>Our DTLS role, once the SDP exchange decided it.</summary>
    public DtlsRole? DtlsRole => Dtls.Role;

    public PeerConnectionState State => (PeerConnectionState)Volatile.Read(ref _state);

    public bool IsClosed => State == PeerConnectionState.Closed;

    public string? CloseReason { get; private set; }

    /// <summary>The negotiated SRTP profile once connected.</summary>
    public SrtpProfile? SrtpProfile => Srtp.Profile;

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

    /// <summary>Time of the last valid ICE check (consent freshness, RFC 7675).</summary>
    public DateTimeOffset LastConsent => Ice.LastConsent;

    /// <summary>The address we send to: the latest nominated (or first) address a valid check came from.</summary>
    public SocketAddress? RemoteAddress => Ice.Selected?.Address;

    /// <summary>The accepted m-lines, in SDP order.</summary>
    public IReadOnlyList<NegotiatedMedia> Media => Lines.Lines;

    public long RtpPacketsReceived => Srtp.RtpPacketsReceived;

    public long RtcpPacketsReceived => Srtp.RtcpPacketsReceived;

    /// <summary>SRTP/SRTCP packets that failed authentication or replay checks (dropped).</summary>
    public long UnprotectFailures => Srtp.UnprotectFailures;

    public long PacketsSent => Srtp.PacketsSent;

    internal IceLiteAgent Ice { get; }

    internal PeerDtlsTransport Dtls { get; }

    internal PeerSrtpTransport Srtp { get; }

    internal MediaLineTable Lines { get; } = new();

    /// <summary>Guards the offer/answer state (the m-lines, roles and remote values the SDP sets).</summary>
    internal object NegotiationLock { get; } = new();

    internal IPEndPoint AnnouncedEndPoint => _transport.AnnouncedEndPoint;

    internal DtlsDatagramChannel DtlsChannel => Dtls.Channel;

    /// <summary>The DTLS association once the handshake finished.</summary>
    internal DtlsAssociation? Association => Dtls.Association;

    internal IReadOnlyList<SocketAddress> KnownAddresses => Ice.KnownAddresses;

    /// <summary>The credentials of before the pending ICE restart, still accepted until its answer (or null).</summary>
    internal IceCredentials? RetiringLocalIce => Ice.RetiringLocal;

    /// <summary>Creates a peer on <paramref name="transport"/>, whose STUN checks it routes here by the local ufrag.</summary>
    internal static PeerConnection Create(UdpMediaTransport transport, PeerConnectionOptions options)
    {
        var peer = new PeerConnection(transport, options);
        transport.Register(peer, peer.Id);
        return peer;
    }

    /// <inheritdoc cref="SdpAnswerer.CreateAnswer"/>
    public string CreateAnswer(string offerSdp) => _answerer.CreateAnswer(offerSdp);

    /// <inheritdoc cref="SdpAnswerer.CreateSubsequentAnswer"/>
    public string CreateSubsequentAnswer(string offerSdp) => _answerer.CreateSubsequentAnswer(offerSdp);

    /// <inheritdoc cref="SdpOfferer.CreateOffer"/>
    public string CreateOffer(IReadOnlyList<OfferedMedia> media) => _offerer.CreateOffer(media);

    /// <inheritdoc cref="SdpOfferer.SetRemoteAnswer"/>
    public void SetRemoteAnswer(string answerSdp) => _offerer.SetRemoteAnswer(answerSdp);

    /// <inheritdoc cref="SdpOfferer.CreateSubscribeOffer"/>
    public string CreateSubscribeOffer(IReadOnlyList<OutgoingLine> lines) => _offerer.CreateSubscribeOffer(lines);

    /// <inheritdoc cref="SdpOfferer.ApplySubscribeAnswer"/>
    public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplySubscribeAnswer(string answerSdp) => _offerer.ApplySubscribeAnswer(answerSdp);

    /// <inheritdoc cref="IceLiteAgent.Restart"/>
    public void RestartIce()
    {
        lock (NegotiationLock)
        {
            if (IsClosed)
            {
                return;
            }

            var fresh = Ice.Restart();
            if (IsClosed)
            {
                Ice.Forget(fresh); // Close ran meanwhile and only knew the old ufrags
            }
        }
    }

    /// <inheritdoc cref="MediaLineTable.Find"/>
    public NegotiatedMedia? FindMedia(uint ssrc, int payloadType) => Lines.Find(ssrc, payloadType);

    /// <summary>
    /// Protects a copy of <paramref name="packet"/> (plain RTP) and sends it. The caller's span is not modified, so
    /// one packet can go to many peers. False before the handshake, after close, or when protection fails (e.g. too long).
    /// </summary>
    public bool SendRtp(ReadOnlySpan<byte> packet) => Srtp.Send(packet, rtcp: false, Ice.Selected);

    /// <summary>As <see cref="SendRtp"/>, for one plain RTCP compound packet.</summary>
    public bool SendRtcp(ReadOnlySpan<byte> packet) => Srtp.Send(packet, rtcp: true, Ice.Selected);

    /// <summary>Writes a new SSRC into a plain RTP packet (RFC 3550 §5.1, bytes 8–11).</summary>
    public static bool TryRewriteSsrc(Span<byte> rtpPacket, uint ssrc)
    {
        if (rtpPacket.Length < 12)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(rtpPacket.Slice(8), ssrc);
        return true;
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
        Dtls.Close();
        Ice.Close();
        _transport.Unregister(this);
        _connected.TrySetException(new InvalidOperationException("The peer closed: " + reason));
        Srtp.Close();
        StateChanged?.Invoke(this, PeerConnectionState.Closed);
    }

    public void Dispose() => Close("disposed");

    IceCredentials? IDatagramEndpoint.LocalIceFor(ReadOnlySpan<char> localUfrag) => Ice.LocalFor(localUfrag);

    bool IDatagramEndpoint.RemoteUfragMatches(ReadOnlySpan<byte> remoteUfrag, IceCredentials local) =>
        Ice.RemoteUfragMatches(remoteUfrag, local);

    /// <summary>
    /// A check authenticated (receive loop): consent is refreshed, the address is routed here, and the first
    /// selected path moves the peer to Connecting; nomination or a first path may start DTLS.
    /// </summary>
    void IDatagramEndpoint.OnValidCheck(IDatagramPort port, SocketAddress from, bool useCandidate, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return;
        }

        var (newlyNominated, firstPath) = Ice.OnValidCheck(port, from, useCandidate, now);
        if (firstPath)
        {
            TransitionTo(PeerConnectionState.Connecting);
        }

        if (newlyNominated || firstPath)
        {
            TryStartDtls();
        }
    }

    /// <summary>
    /// A DTLS datagram from one of our addresses (receive loop). It is queued for the handshake thread; the
    /// ClientHello may arrive before USE-CANDIDATE, so the sender becomes our remote address (MEDIA-NOTES).
    /// Once the handshake thread stopped lingering, only alert records are kept (<see cref="DtlsAssociation"/>).
    /// </summary>
    void IDatagramEndpoint.OnDtls(IDatagramPort port, ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (IsClosed || Dtls.TryTakeAfterHandshake(datagram))
        {
            return;
        }

        Ice.SelectIfKnown(port, from);
        Dtls.Channel.Enqueue(datagram);
    }

    /// <summary>An SRTP or SRTCP datagram from our address (receive loop); decrypted in place, then to the sink.</summary>
    void IDatagramEndpoint.OnSrtp(Span<byte> buffer, int length, bool rtcp)
    {
        if (IsClosed)
        {
            return;
        }

        int plainLength = Srtp.Unprotect(buffer, length, rtcp);
        if (plainLength < 0)
        {
            return;
        }

        var sink = Sink;
        if (rtcp)
        {
            sink?.OnRtcp(this, buffer.Slice(0, plainLength));
        }
        else
        {
            sink?.OnRtp(this, buffer.Slice(0, plainLength));
        }
    }

    /// <summary>Starts the handshake once the role and fingerprint are known and ICE found an address.</summary>
    internal void TryStartDtls()
    {
        if (IsClosed || Dtls.TryStart(Ice.Selected is not null, Ice.Nominated) is not { } handshake)
        {
            return;
        }

        handshake.ContinueWith(
            static (task, state) => ((PeerConnection)state!).OnHandshakeFinished(task),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnHandshakeFinished(Task<DtlsHandshakeResult> task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            if (!IsClosed)
            {
                PeerLog.DtlsFailed(_logger, Id, task.Exception?.GetBaseException() ?? new TimeoutException());
                Close("DTLS handshake failed: " + (task.Exception?.GetBaseException().Message ?? "cancelled"));
            }

            return;
        }

        var result = task.Result;
        if (IsClosed || !Srtp.Start(result.Keys))
        {
            return;
        }

        DtlsHandshakeTime = result.Elapsed;
        PeerLog.DtlsConnected(
            _logger, Id, result.Keys.LocalRole, result.Elapsed.TotalMilliseconds, Srtp.Profile!.Value,
            System.Diagnostics.Stopwatch.GetElapsedTime(_createdTimestamp).TotalMilliseconds);
        if (TransitionTo(PeerConnectionState.Connected))
        {
            _connected.TrySetResult();
        }

        // The same cleanup as consent expiry.
        Dtls.OnEstablished(result.Association, Close);
    }

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

    /// <summary>The handshake's datagrams go out on the selected ICE path.</summary>
    private sealed class SelectedPathSender(IceLiteAgent ice) : IDatagramSender
    {
        public void Send(ReadOnlySpan<byte> datagram) => ice.Selected?.Send(datagram);
    }
}
