using ContactCenter.Media.Dtls;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Peers;

public sealed partial class PeerConnection
{
    /// <summary>
    /// As DTLS client we wait this long for the browser to nominate (USE-CANDIDATE) before sending the
    /// ClientHello anyway: a ClientHello that reaches a cold Chromium before its pair is selected was measured to
    /// cost one 1-second BouncyCastle retransmit.
    /// </summary>
    internal static readonly TimeSpan NominationWait = TimeSpan.FromMilliseconds(500);

    private int _dtlsStarted;
    private volatile bool _nominated;
    private volatile bool _nominationWaitOver;
    private ITimer? _nominationTimer;
    private DtlsAssociation? _association;

    /// <summary>The remote IP address whose handshake slot this peer holds (<see cref="Transport.DtlsHandshakeSlots"/>).</summary>
    private System.Net.IPAddress? _handshakeSlot;

    /// <summary>The DTLS association once the handshake finished.</summary>
    internal DtlsAssociation? Association => Volatile.Read(ref _association);

    /// <summary>
    /// A DTLS datagram from one of our addresses (receive loop). It is queued for the handshake thread; the
    /// ClientHello may arrive before USE-CANDIDATE, so the sender becomes our remote address (MEDIA-NOTES).
    /// Once the handshake thread stopped lingering, only alert records are kept, and they are read on demand so
    /// that the browser's close_notify closes this peer at once (<see cref="DtlsAssociation"/>).
    /// </summary>
    internal void OnDtls(ReadOnlySpan<byte> datagram, System.Net.SocketAddress from)
    {
        if (IsClosed)
        {
            return;
        }

        var association = Volatile.Read(ref _association);
        if (association is not null && association.IsIdle)
        {
            if (datagram[0] == DtlsAssociation.AlertContentType && DtlsChannel.Enqueue(datagram))
            {
                association.OnDatagramQueued();
            }

            return;
        }

        var current = _remoteAddress;
        if (current is null || !current.Equals(from))
        {
            // Only the receive loop adds addresses, and this runs on it: no lock needed to read the list.
            foreach (var known in _knownAddresses)
            {
                if (known.Equals(from))
                {
                    _remoteAddress = known;
                    break;
                }
            }
        }

        DtlsChannel.Enqueue(datagram);
    }

    /// <summary>Starts the handshake once the role and fingerprint are known and ICE found an address.</summary>
    private void TryStartDtls()
    {
        if (DtlsRole is not { } role || RemoteFingerprint is null || _remoteAddress is null || IsClosed)
        {
            return;
        }

        if (role == Dtls.DtlsRole.Client && !_nominated && !_nominationWaitOver)
        {
            if (Volatile.Read(ref _nominationTimer) is null)
            {
                var timer = _transport.TimeProvider.CreateTimer(
                    static state => ((PeerConnection)state!).OnNominationWaitOver(), this, NominationWait, Timeout.InfiniteTimeSpan);
                if (Interlocked.CompareExchange(ref _nominationTimer, timer, null) is not null)
                {
                    timer.Dispose();
                }
            }

            return;
        }

        if (Volatile.Read(ref _dtlsStarted) != 0)
        {
            return;
        }

        // One slot per running handshake, per node and per remote address; without one the peer waits its turn.
        var slot = _remoteAddress!.ToEndPoint().Address;
        if (!_transport.HandshakeSlots.TryAcquire(this, slot))
        {
            return;
        }

        if (Interlocked.Exchange(ref _dtlsStarted, 1) != 0)
        {
            _transport.HandshakeSlots.Release(slot);
            return;
        }

        Volatile.Write(ref _handshakeSlot, slot);
        var settings = new DtlsHandshakeSettings(Certificate, RemoteFingerprint, Options.SrtpProfiles, _transport.Options.DtlsHandshakeTimeout);
        DtlsHandshake.RunAsync(role, settings, DtlsChannel).ContinueWith(
            static (task, state) => ((PeerConnection)state!).OnHandshakeFinished(task),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>A handshake slot freed while this peer waited for one.</summary>
    internal void RetryDtlsStart() => TryStartDtls();

    private void OnNominationWaitOver()
    {
        _nominationWaitOver = true;
        TryStartDtls();
    }

    private void OnHandshakeFinished(Task<DtlsHandshakeResult> task)
    {
        if (Interlocked.Exchange(ref _handshakeSlot, null) is { } slot)
        {
            _transport.HandshakeSlots.Release(slot);
        }

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
        var keys = result.Keys;
        var profile = (SrtpProfile)keys.ProtectionProfile;
        // One context per direction: inbound decrypts with the remote role's key, outbound encrypts with ours.
        var inbound = new SrtpSession(profile, keys.RemoteKey, keys.RemoteSalt);
        var outbound = new SrtpSession(profile, keys.LocalKey, keys.LocalSalt);
        lock (_sendLock)
        {
            if (IsClosed)
            {
                inbound.Dispose();
                outbound.Dispose();
                return;
            }

            _outbound = outbound;
        }

        Volatile.Write(ref _inbound, inbound);
        SrtpProfile = profile;
        DtlsHandshakeTime = result.Elapsed;
        PeerLog.DtlsConnected(
            _logger, Id, keys.LocalRole, result.Elapsed.TotalMilliseconds, profile,
            System.Diagnostics.Stopwatch.GetElapsedTime(_createdTimestamp).TotalMilliseconds);
        if (TransitionTo(PeerConnectionState.Connected))
        {
            _connected.TrySetResult();
        }

        Volatile.Write(ref _association, result.Association);
        // The same cleanup as consent expiry; runs at once if the alert came during the linger already.
        result.Association.OnRemoteClosed(Close);
    }
}
