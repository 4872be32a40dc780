using System.Net;
using ContactCenter.Media.Ice;

namespace ContactCenter.Media.Transport;

/// <summary>
/// What a transport hands received datagrams to: one ICE-lite connection (a peer). The transport finds it by the
/// local ufrag of a STUN check until a check succeeds, and by the remote address that check came from after that
/// (<see cref="IDatagramPort.Route"/>). Every transport (UDP now, ICE-TCP later) dispatches to this interface and
/// names no peer type. The dispatch members are called on a receive thread: they must not block, and they copy
/// whatever they keep.
/// </summary>
public interface IDatagramEndpoint
{
    /// <summary>Stable id for logs and lookups (the first local ufrag).</summary>
    string Id { get; }

    bool IsClosed { get; }

    /// <summary>Why the endpoint closed, once closed.</summary>
    string? CloseReason { get; }

    /// <summary>Time of the last valid ICE check (consent freshness, RFC 7675).</summary>
    DateTimeOffset LastConsent { get; }

    /// <summary>Closes the endpoint; it then leaves its transport (which raises its closed event). Idempotent.</summary>
    void Close(string reason);

    /// <summary>The local credentials whose ufrag is <paramref name="localUfrag"/> (current, or retiring during an ICE restart); null for neither.</summary>
    internal IceCredentials? LocalIceFor(ReadOnlySpan<char> localUfrag);

    /// <summary>True when the sender part of USERNAME is the remote ufrag that goes with <paramref name="local"/>, or is not known yet.</summary>
    internal bool RemoteUfragMatches(ReadOnlySpan<byte> remoteUfrag, IceCredentials local);

    /// <summary>A check from <paramref name="from"/>, reached through <paramref name="port"/>, authenticated and was answered.</summary>
    internal void OnValidCheck(IDatagramPort port, SocketAddress from, bool useCandidate, DateTimeOffset now);

    /// <summary>A DTLS record datagram (RFC 7983 first byte 20–63) from a routed address.</summary>
    internal void OnDtls(IDatagramPort port, ReadOnlySpan<byte> datagram, SocketAddress from);

    /// <summary>
    /// An SRTP or SRTCP datagram from a routed address. <paramref name="buffer"/> is the whole writable receive slot
    /// (unprotected in place); the packet is its first <paramref name="length"/> bytes.
    /// </summary>
    internal void OnSrtp(Span<byte> buffer, int length, bool rtcp);
}
