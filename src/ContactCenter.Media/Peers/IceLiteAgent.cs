using System.Net;
using System.Text;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Peers;

/// <summary>
/// The ICE-lite side of one peer (RFC 8445 §2.5, Pion's ICETransport): our credentials (two sets during an ICE
/// restart), the remote ufrag and password from the SDP, the remote addresses valid checks came from, the selected
/// one, and consent freshness (RFC 7675). A lite agent sends no checks: it learns everything from the browser's.
/// </summary>
internal sealed class IceLiteAgent
{
    private const int MaxKnownPaths = 8;

    private readonly IDatagramEndpoint _owner;
    private readonly EndpointDirectory _directory;
    private readonly ILogger _logger;
    private readonly List<IcePath> _known = [];
    private volatile IceCredentials _local;
    private volatile RetiringIce? _retiring;
    private volatile bool _remoteUfragPending;
    private volatile IcePath? _selected;
    private volatile bool _nominated;
    private long _lastConsentTicks;

    public IceLiteAgent(IDatagramEndpoint owner, EndpointDirectory directory, DateTimeOffset now, ILogger logger)
    {
        _owner = owner;
        _directory = directory;
        _logger = logger;
        _local = IceCredentials.Generate();
        _lastConsentTicks = now.UtcTicks;
    }

    /// <summary>Our current credentials: the ones the latest offer or answer carries (new after an ICE restart).</summary>
    public IceCredentials Local => _local;

    /// <summary>The credentials of before the pending ICE restart, still accepted until its answer (or null).</summary>
    public IceCredentials? RetiringLocal => _retiring?.Local;

    public string? RemoteUfrag { get; private set; }

    public string? RemotePassword { get; private set; }

    /// <summary>The browser nominated a pair (USE-CANDIDATE).</summary>
    public bool Nominated => _nominated;

    /// <summary>Where we send: the latest nominated (or first) path a valid check came from; null before one.</summary>
    public IcePath? Selected => _selected;

    public DateTimeOffset LastConsent => new(Interlocked.Read(ref _lastConsentTicks), TimeSpan.Zero);

    public IReadOnlyList<SocketAddress> KnownAddresses
    {
        get
        {
            lock (_known)
            {
                return [.. _known.Select(p => p.Address)];
            }
        }
    }

    /// <summary>The remote ufrag and password of an offer or answer just read.</summary>
    public void SetRemote(string ufrag, string password)
    {
        RemoteUfrag = ufrag;
        RemotePassword = password;
    }

    /// <summary>The local credentials whose ufrag is <paramref name="localUfrag"/>: current, or retiring; null for neither.</summary>
    public IceCredentials? LocalFor(ReadOnlySpan<char> localUfrag)
    {
        var current = _local;
        if (localUfrag.SequenceEqual(current.Ufrag))
        {
            return current;
        }

        var retiring = _retiring;
        return retiring is not null && localUfrag.SequenceEqual(retiring.Local.Ufrag) ? retiring.Local : null;
    }

    /// <summary>
    /// ICE restart of a connection we offer (RFC 8445 §9): new ufrag and password for the next offer. The browser
    /// moves to them when it applies that offer and sends its answer afterwards, so checks with the previous
    /// credentials (and the previous remote ufrag) are still answered until <see cref="CompleteRestart"/>, and
    /// checks with the new ones are answered for any remote ufrag until the answer names it. DTLS and SRTP stay.
    /// Returns the new credentials; the caller checks that the peer did not close meanwhile.
    /// </summary>
    public IceCredentials Restart()
    {
        var previous = _local;
        IceCredentials fresh;
        do
        {
            fresh = IceCredentials.Generate();
        }
        while (!_directory.AddUfrag(fresh.Ufrag, _owner));

        // A restart before the previous one was answered retires the unanswered credentials at once.
        if (_retiring is { } older)
        {
            _directory.RemoveUfrag(older.Local.Ufrag, _owner);
        }

        _retiring = new RetiringIce(previous, RemoteUfrag);
        _remoteUfragPending = true;
        _local = fresh;
        PeerLog.IceRestarted(_logger, _owner.Id, previous.Ufrag, fresh.Ufrag);
        return fresh;
    }

    /// <summary>The answer to a restarting offer arrived (its remote ufrag is read): the old credentials go.</summary>
    public void CompleteRestart()
    {
        _remoteUfragPending = false;
        if (_retiring is { } retiring)
        {
            _retiring = null;
            _directory.RemoveUfrag(retiring.Local.Ufrag, _owner);
        }
    }

    /// <summary>
    /// True when the sender part of USERNAME is the remote ufrag that goes with <paramref name="local"/>, or when we
    /// do not know it yet (a check can overtake the SDP answer on the signaling path).
    /// </summary>
    public bool RemoteUfragMatches(ReadOnlySpan<byte> remoteUfrag, IceCredentials local)
    {
        var retiring = _retiring;
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
    /// A check from <paramref name="from"/> authenticated (receive loop). Refreshes consent, routes that address to
    /// the peer, and selects it for sending when nominated or when there is none yet. Tells the caller whether this
    /// check was the first nomination and whether it selected the first path.
    /// </summary>
    public (bool NewlyNominated, bool FirstPath) OnValidCheck(IDatagramPort port, SocketAddress from, bool useCandidate, DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastConsentTicks, now.UtcTicks);
        bool newlyNominated = false;
        if (useCandidate && !_nominated)
        {
            _nominated = true;
            newlyNominated = true;
        }

        var current = _selected;
        if (current is not null && current.Is(port, from))
        {
            return (newlyNominated, false);
        }

        IcePath? known = null;
        lock (_known)
        {
            foreach (var path in _known)
            {
                if (path.Is(port, from))
                {
                    known = path;
                    break;
                }
            }

            if (known is null && _known.Count < MaxKnownPaths)
            {
                known = new IcePath(port, from.Clone());
                _known.Add(known);
                port.Route(known.Address, _owner);
            }
        }

        if (known is not null && (current is null || useCandidate))
        {
            _selected = known;
            if (current is null)
            {
                PeerLog.IceConnected(_logger, _owner.Id, known.Address.ToEndPoint().ToString());
                return (newlyNominated, true);
            }
        }

        return (newlyNominated, false);
    }

    /// <summary>
    /// A DTLS datagram came from a known path that is not the selected one: the browser's ClientHello can arrive
    /// before USE-CANDIDATE, so its sender becomes where we send (MEDIA-NOTES).
    /// </summary>
    public void SelectIfKnown(IDatagramPort port, SocketAddress from)
    {
        var current = _selected;
        if (current is not null && current.Is(port, from))
        {
            return;
        }

        lock (_known)
        {
            foreach (var path in _known)
            {
                if (path.Is(port, from))
                {
                    _selected = path;
                    break;
                }
            }
        }
    }

    /// <summary>The peer closed: its ufrags and routes go, so nothing more reaches it.</summary>
    public void Close()
    {
        _directory.RemoveUfrag(_local.Ufrag, _owner);
        if (_retiring is { } retiring)
        {
            _directory.RemoveUfrag(retiring.Local.Ufrag, _owner);
        }

        lock (_known)
        {
            foreach (var path in _known)
            {
                path.Port.Unroute(path.Address, _owner);
            }
        }
    }

    /// <summary>Stops routing checks for <paramref name="credentials"/> (a restart that raced with Close).</summary>
    public void Forget(IceCredentials credentials) => _directory.RemoveUfrag(credentials.Ufrag, _owner);

    private sealed record RetiringIce(IceCredentials Local, string? RemoteUfrag);
}
