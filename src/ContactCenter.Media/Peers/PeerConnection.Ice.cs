using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Peers;

public sealed partial class PeerConnection
{
    private const int MaxKnownAddresses = 8;

    /// <summary>
    /// True when the sender part of USERNAME is the remote's ufrag, or when we do not know it yet (a check
    /// can overtake the SDP answer on the signaling path).
    /// </summary>
    internal bool RemoteUfragMatches(ReadOnlySpan<byte> remoteUfrag)
    {
        var expected = RemoteUfrag;
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
}
