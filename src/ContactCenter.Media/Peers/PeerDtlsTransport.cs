using ContactCenter.Media.Dtls;

namespace ContactCenter.Media.Peers;

/// <summary>
/// The DTLS side of one peer (Pion's DTLSTransport): our certificate, the remote fingerprint and our role from the
/// SDP, the datagram channel the handshake thread reads, when to start the handshake, and the association it sets
/// up (kept to read the browser's close_notify).
/// </summary>
internal sealed class PeerDtlsTransport
{
    /// <summary>
    /// As DTLS client we wait this long for the browser to nominate (USE-CANDIDATE) before sending the
    /// ClientHello anyway: a ClientHello that reaches a cold Chromium before its pair is selected was measured to
    /// cost one 1-second BouncyCastle retransmit.
    /// </summary>
    public static readonly TimeSpan NominationWait = TimeSpan.FromMilliseconds(500);

    private readonly TimeProvider _time;
    private readonly TimeSpan _handshakeTimeout;
    private readonly IReadOnlyList<int> _srtpProfiles;
    private readonly Action _retry;
    private int _started;
    private volatile bool _nominationWaitOver;
    private ITimer? _nominationTimer;
    private DtlsAssociation? _association;

    /// <param name="sender">Where the handshake's datagrams go (the peer's selected ICE path).</param>
    /// <param name="retry">Called when the nomination wait is over, to try <see cref="TryStart"/> again.</param>
    public PeerDtlsTransport(
        IDatagramSender sender, DtlsCertificate certificate, TimeProvider time, TimeSpan handshakeTimeout,
        IReadOnlyList<int> srtpProfiles, Action retry)
    {
        Certificate = certificate;
        Channel = new DtlsDatagramChannel(sender);
        _time = time;
        _handshakeTimeout = handshakeTimeout;
        _srtpProfiles = srtpProfiles;
        _retry = retry;
    }

    public DtlsCertificate Certificate { get; }

    public DtlsDatagramChannel Channel { get; }

    /// <summary>Our DTLS role, once the SDP exchange decided it.</summary>
    public DtlsRole? Role { get; set; }

    public DtlsFingerprint? RemoteFingerprint { get; set; }

    /// <summary>The association once the handshake finished.</summary>
    public DtlsAssociation? Association => Volatile.Read(ref _association);

    /// <summary>
    /// After the handshake thread stopped lingering only alert records are kept, read on demand so that the
    /// browser's close_notify closes the peer at once. True when <paramref name="datagram"/> was handled so.
    /// </summary>
    public bool TryTakeAfterHandshake(ReadOnlySpan<byte> datagram)
    {
        var association = Volatile.Read(ref _association);
        if (association is null || !association.IsIdle)
        {
            return false;
        }

        if (datagram[0] == DtlsAssociation.AlertContentType && Channel.Enqueue(datagram))
        {
            association.OnDatagramQueued();
        }

        return true;
    }

    /// <summary>
    /// Starts the handshake once the role and fingerprint are known and ICE selected a path; as client, only after
    /// the browser nominated or <see cref="NominationWait"/> passed. Null when not started by this call.
    /// </summary>
    public Task<DtlsHandshakeResult>? TryStart(bool pathSelected, bool nominated)
    {
        if (Role is not { } role || RemoteFingerprint is null || !pathSelected)
        {
            return null;
        }

        if (role == DtlsRole.Client && !nominated && !_nominationWaitOver)
        {
            if (Volatile.Read(ref _nominationTimer) is null)
            {
                var timer = _time.CreateTimer(
                    static state => ((PeerDtlsTransport)state!).OnNominationWaitOver(), this, NominationWait, Timeout.InfiniteTimeSpan);
                if (Interlocked.CompareExchange(ref _nominationTimer, timer, null) is not null)
                {
                    timer.Dispose();
                }
            }

            return null;
        }

        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return null;
        }

        var settings = new DtlsHandshakeSettings(Certificate, RemoteFingerprint, _srtpProfiles, _handshakeTimeout);
        return DtlsHandshake.RunAsync(role, settings, Channel);
    }

    /// <summary>The handshake finished: keep the association; <paramref name="onRemoteClosed"/> runs on close_notify.</summary>
    public void OnEstablished(DtlsAssociation association, Action<string> onRemoteClosed)
    {
        Volatile.Write(ref _association, association);
        // Runs at once if the alert came during the linger already.
        association.OnRemoteClosed(onRemoteClosed);
    }

    /// <summary>Stops the handshake and the nomination wait. Idempotent.</summary>
    public void Close()
    {
        _nominationTimer?.Dispose();
        Channel.Close();
    }

    private void OnNominationWaitOver()
    {
        _nominationWaitOver = true;
        _retry();
    }
}
