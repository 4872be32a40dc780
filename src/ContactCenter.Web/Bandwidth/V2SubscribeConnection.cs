using System.Buffers.Binary;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Transport;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// A v2 participant's receiving side as the router sees it: one subscribe connection whose m-lines are, on the wire,
/// one client-offered peer connection per stream (device protocol v2 has the client offer a recvonly connection for
/// each <c>sdpNeeded</c>). The router's offer only records the lines; the "answer" reports, per line, the codecs of
/// the stream's peer once the client offered it (none before, so nothing is forwarded yet). Packets are sent on the
/// line's peer with that peer's SSRC.
/// </summary>
internal sealed class V2SubscribeConnection(UdpMediaTransport transport, IRtpSink sink, SfuParticipant participant) : ISubscribeConnection
{
    /// <summary>What <see cref="CreateOffer"/> returns: nothing reads it (the v2 door sends no SDP of ours).</summary>
    public const string PlaceholderOffer = "v=0\r\n";

    private const int MaxPacket = 1500;

    private readonly object _gate = new();
    private readonly Dictionary<string, PeerConnection> _peers = new(StringComparer.Ordinal);
    private OutgoingLine[] _lines = [];
    private Dictionary<uint, Route> _routes = [];
    private bool _closed;

    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _peers.Values.Any(p => p.State == PeerConnectionState.Connected);
            }
        }
    }

    public string CreateOffer(IReadOnlyList<OutgoingLine> lines)
    {
        lock (_gate)
        {
            _lines = [.. lines];
        }

        return PlaceholderOffer;
    }

    public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp)
    {
        lock (_gate)
        {
            var codecs = new List<IReadOnlyList<NegotiatedCodec>>(_lines.Length);
            var routes = new Dictionary<uint, Route>();
            foreach (var line in _lines)
            {
                if (line.Send && _peers.TryGetValue(line.StreamId, out var peer) && SendingMedia(peer) is { } media)
                {
                    codecs.Add([.. media.Codecs]);
                    routes[line.Ssrc] = new Route(peer, media.LocalSsrc);
                }
                else
                {
                    codecs.Add([]);
                }
            }

            Volatile.Write(ref _routes, routes);
            return codecs;
        }
    }

    /// <summary>
    /// Answers the client's recvonly offer for <paramref name="streamId"/> with a send-only peer of our own (it
    /// replaces an earlier one for the same stream). Throws <see cref="FormatException"/> for an unusable offer.
    /// </summary>
    public string AnswerClientOffer(string streamId, MediaKind kind, string offerSdp)
    {
        var peer = transport.CreatePeer(new PeerConnectionOptions
        {
            AcceptAudio = kind == MediaKind.Audio,
            AcceptVideo = kind == MediaKind.Video,
            Send = true,
            Receive = false,
        });

        // RTCP the client sends comes to the router, which keeps only its own connections' (see the README's
        // differences table: no receiver feedback from v2 receivers).
        peer.UserState = participant;
        peer.Sink = sink;
        string answer;
        try
        {
            answer = peer.CreateAnswer(offerSdp);
            if (SendingMedia(peer) is null)
            {
                throw new FormatException($"The offer for {streamId} has no {kind.ToString().ToLowerInvariant()} line we can send on.");
            }
        }
        catch
        {
            peer.Close("bad offer");
            throw;
        }

        PeerConnection? previous;
        lock (_gate)
        {
            if (_closed)
            {
                peer.Close("closed");
                throw new InvalidOperationException("The participant left.");
            }

            _peers.TryGetValue(streamId, out previous);
            _peers[streamId] = peer;
        }

        previous?.Close("replaced");
        return answer;
    }

    /// <summary>The stream is no longer received: its peer closes.</summary>
    public void Remove(string streamId)
    {
        PeerConnection? peer;
        lock (_gate)
        {
            _peers.Remove(streamId, out peer);
        }

        peer?.Close("endpoint removed");
    }

    public bool HasPeer(string streamId)
    {
        lock (_gate)
        {
            return _peers.ContainsKey(streamId);
        }
    }

    public bool SendRtp(ReadOnlySpan<byte> packet) => Send(packet, ssrcOffset: 8, rtcp: false);

    public bool SendRtcp(ReadOnlySpan<byte> packet) => Send(packet, ssrcOffset: 4, rtcp: true);

    public void Close(string reason)
    {
        PeerConnection[] peers;
        lock (_gate)
        {
            _closed = true;
            peers = [.. _peers.Values];
            _peers.Clear();
            Volatile.Write(ref _routes, []);
        }

        foreach (var peer in peers)
        {
            peer.Close(reason);
        }
    }

    private static NegotiatedMedia? SendingMedia(PeerConnection peer)
    {
        foreach (var media in peer.Media)
        {
            if (media.WeSend && media.LocalSsrc != 0)
            {
                return media;
            }
        }

        return null;
    }

    /// <summary>The router wrote the line's SSRC (RTP: bytes 8–11; RTCP: the sender's, bytes 4–7); the peer sends its own.</summary>
    private bool Send(ReadOnlySpan<byte> packet, int ssrcOffset, bool rtcp)
    {
        if (packet.Length < ssrcOffset + 4 || packet.Length > MaxPacket)
        {
            return false;
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[ssrcOffset..]);
        if (!Volatile.Read(ref _routes).TryGetValue(ssrc, out var route))
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[packet.Length];
        packet.CopyTo(copy);
        BinaryPrimitives.WriteUInt32BigEndian(copy[ssrcOffset..], route.Ssrc);
        return rtcp ? route.Peer.SendRtcp(copy) : route.Peer.SendRtp(copy);
    }

    private sealed record Route(PeerConnection Peer, uint Ssrc);
}
