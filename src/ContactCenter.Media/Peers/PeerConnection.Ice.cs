using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Peers;

public sealed partial class PeerConnection
{
    private const int MaxKnownAddresses = 8;

    private volatile IceCredentials _localIce;
    private volatile RetiringIce? _retiringIce;
    private volatile bool _remoteUfragPending;

    /// <summary>The credentials of before the pending ICE restart, still accepted until its answer (or null).</summary>
    internal IceCredentials? RetiringLocalIce => _retiringIce?.Local;

    /// <summary>
    /// The local credentials whose ufrag is <paramref name="localUfrag"/>: the current ones, or during an ICE
    /// restart the previous ones; null for neither.
    /// </summary>
    internal IceCredentials? LocalIceFor(ReadOnlySpan<char> localUfrag)
    {
        var current = _localIce;
        if (localUfrag.SequenceEqual(current.Ufrag))
        {
            return current;
        }

        var retiring = _retiringIce;
        return retiring is not null && localUfrag.SequenceEqual(retiring.Local.Ufrag) ? retiring.Local : null;
    }

    /// <summary>
    /// ICE restart of a connection we offer (RFC 8445 §9): new ufrag and password for the next offer. The browser
    /// moves to them when it applies that offer and sends its answer afterwards, so checks with the previous
    /// credentials (and the previous remote ufrag) are still answered until <see cref="CompleteIceRestart"/>, and
    /// checks with the new ones are answered for any remote ufrag until the answer names it. DTLS and SRTP stay.
    /// </summary>
    public void RestartIce()
    {
        lock (_sdpLock)
        {
            if (IsClosed)
            {
                return;
            }

            var previous = _localIce;
            IceCredentials fresh;
            do
            {
                fresh = IceCredentials.Generate();
            }
            while (!_transport.AddUfrag(fresh.Ufrag, this));

            // A restart before the previous one was answered retires the unanswered credentials at once.
            if (_retiringIce is { } older)
            {
                _transport.RemoveUfrag(older.Local.Ufrag, this);
            }

            _retiringIce = new RetiringIce(previous, RemoteUfrag);
            _remoteUfragPending = true;
            _localIce = fresh;
            PeerLog.IceRestarted(_logger, Id, previous.Ufrag, fresh.Ufrag);
            if (IsClosed)
            {
                _transport.RemoveUfrag(fresh.Ufrag, this); // Close ran meanwhile and only knew the old ufrags
            }
        }
    }

    /// <summary>The answer to a restarting offer arrived (its remote ufrag is read): the old credentials go.</summary>
    private void CompleteIceRestart()
    {
        _remoteUfragPending = false;
        if (_retiringIce is { } retiring)
        {
            _retiringIce = null;
            _transport.RemoveUfrag(retiring.Local.Ufrag, this);
        }
    }

    /// <summary>
    /// True when the sender part of USERNAME is the remote ufrag that goes with <paramref name="local"/>, or when we
    /// do not know it yet (a check can overtake the SDP answer on the signaling path).
    /// </summary>
    internal bool RemoteUfragMatches(ReadOnlySpan<byte> remoteUfrag, IceCredentials local)
    {
        var retiring = _retiringIce;
        string? expected = retiring is not null && ReferenceEquals(retiring.Local, local)
            ? retiring.RemoteUfrag
            : _remoteUfragPending ? null : RemoteUfrag;
        if (expected is null)
        {
            return true;
        }

        Span<byte> utf8 = stackalloc byte[256];
        return Encoding.UTF8.TryGetBytes(expected, utf8, out int length) && utf8.Slice(0, length).SequenceEqual(remoteUfrag);
    }

    /// <summary>
    /// A check from <paramref name="from"/> authenticated (called on the receive loop). Refreshes consent,
    /// routes that address to us, and selects it for sending when nominated or when we have none yet.
    /// </summary>
    internal void OnValidCheck(SocketAddress from, bool useCandidate, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return;
        }

        Interlocked.Exchange(ref _lastConsentTicks, now.UtcTicks);
        if (useCandidate && !_nominated)
        {
            _nominated = true;
            TryStartDtls();
        }

        var current = _remoteAddress;
        if (current is not null && current.Equals(from))
        {
            return;
        }

        SocketAddress? known = null;
        lock (_knownAddresses)
        {
            foreach (var address in _knownAddresses)
            {
                if (address.Equals(from))
                {
                    known = address;
                    break;
                }
            }

            if (known is null && _knownAddresses.Count < MaxKnownAddresses)
            {
                known = from.Clone();
                _knownAddresses.Add(known);
                _transport.RegisterAddress(known, this);
            }
        }

        if (known is not null && (current is null || useCandidate))
        {
            _remoteAddress = known;
            if (current is null)
            {
                PeerLog.IceConnected(_logger, Id, known.ToEndPoint().ToString());
                TransitionTo(PeerConnectionState.Connecting);
                TryStartDtls();
            }
        }
    }

    private sealed record RetiringIce(IceCredentials Local, string? RemoteUfrag);
}
