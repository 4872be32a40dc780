using System.Buffers.Binary;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Phones;

/// <summary>
/// A phone leg as the router sees it: the publish endpoint of its G.711 stream and, in place of a WebRTC
/// subscribe connection, the receiver of the Opus streams its edges carry. There is no SDP toward the
/// phone here (the SIP leg negotiated G.711 already), so each router "offer" is answered by the endpoint
/// itself with Opus on every audio line; video lines are refused and never forwarded.
/// Each audio line's SSRC (the router's rewrite) names the stream, so the forwarding path finds the stream
/// key without allocating.
/// </summary>
public sealed class PhoneMediaEndpoint : ISubscribeConnection, ISfuSignal
{
    /// <summary>The payload type our self-made answer gives Opus; the router rewrites forwarded packets to it.</summary>
    public const int OpusPayloadType = 111;

    private static readonly IReadOnlyList<NegotiatedCodec> s_opus = [new NegotiatedCodec(OpusPayloadType, "opus", 48000, 2, null, [])];
    private readonly IPhoneAudioTarget _target;
    private readonly byte[] _inbound = new byte[1500];
    private Lines _lines = Lines.Empty;
    private IReadOnlyList<OutgoingLine> _offered = [];
    private SfuRouter? _router;
    private SfuParticipant? _participant;
    private int _closed;
    private int _answeredRevision;

    /// <param name="target">The bridge toward the phone.</param>
    /// <param name="g711Name">"PCMU" or "PCMA": what the phone sends.</param>
    /// <param name="payloadType">The payload type the phone's packets carry (as negotiated with it).</param>
    public PhoneMediaEndpoint(IPhoneAudioTarget target, string g711Name, int payloadType)
    {
        _target = target;
        Codec = new NegotiatedCodec(payloadType, g711Name, 8000, null, null, []);
    }

    /// <summary>The phone's published codec.</summary>
    public NegotiatedCodec Codec { get; }

    /// <summary>The phone's participant in the router, once joined.</summary>
    public SfuParticipant? Participant => Volatile.Read(ref _participant);

    /// <summary>The stream ids of the audio the phone receives now.</summary>
    public IReadOnlyList<string> StreamKeys => Volatile.Read(ref _lines).Keys;

    public bool IsConnected => Volatile.Read(ref _closed) == 0;

    /// <summary>The last router revision this endpoint answered; equal to the participant's SdpRevision when settled.</summary>
    public int AnsweredRevision => Volatile.Read(ref _answeredRevision);

    internal void Attach(SfuRouter router, SfuParticipant participant)
    {
        _router = router;
        Volatile.Write(ref _participant, participant);
    }

    /// <summary>One RTP packet from the phone: published as its stream. Called by one receive loop at a time.</summary>
    public void OnPhoneRtp(ReadOnlySpan<byte> rtpPacket)
    {
        var participant = Volatile.Read(ref _participant);
        if (participant is null || _router is null || rtpPacket.Length > _inbound.Length || !IsConnected)
        {
            return;
        }

        // The router rewrites SSRC and payload type in place, and the caller's span is read-only.
        rtpPacket.CopyTo(_inbound);
        _router.ForwardPhoneRtp(participant, _inbound.AsSpan(0, rtpPacket.Length));
    }

    /// <summary>Leaves the router: nothing more is forwarded to or from the phone.</summary>
    public void Leave(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0 && _router is not null && Volatile.Read(ref _participant) is { } participant)
        {
            _router.Leave(participant, reason);
        }
    }

    string ISubscribeConnection.CreateOffer(IReadOnlyList<OutgoingLine> lines)
    {
        // Called by the phone's negotiator whenever its bindings change, after the room removed the stream's
        // target; taking it out of the mix now keeps the mix exactly the edges (whisper holds).
        var ssrcs = new List<uint>(lines.Count);
        var keys = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Send && line.Kind == MediaKind.Audio)
            {
                ssrcs.Add(line.Ssrc);
                keys.Add(line.StreamId);
            }
        }

        var next = new Lines([.. ssrcs], [.. keys]);
        Volatile.Write(ref _lines, next);
        _offered = lines;
        _target.SetStreams(next.Keys);
        return "phone";
    }

    IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ISubscribeConnection.ApplyAnswer(string answerSdp)
    {
        var kept = new List<IReadOnlyList<NegotiatedCodec>>(_offered.Count);
        foreach (var line in _offered)
        {
            kept.Add(line.Kind == MediaKind.Audio ? s_opus : []);
        }

        return kept;
    }

    bool IMediaEndpoint.SendRtp(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 12 || (packet[1] & 0x7F) != OpusPayloadType)
        {
            return false;
        }

        var lines = Volatile.Read(ref _lines);
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8));
        for (int i = 0; i < lines.Ssrcs.Length; i++)
        {
            if (lines.Ssrcs[i] == ssrc)
            {
                _target.OnOpusRtp(lines.Keys[i], packet);
                return true;
            }
        }

        return false;
    }

    // Sender reports and keyframe requests mean nothing to a G.711 phone leg.
    bool IMediaEndpoint.SendRtcp(ReadOnlySpan<byte> packet) => true;

    void ISubscribeConnection.Close(string reason) => Interlocked.Exchange(ref _closed, 1);

    void ISfuSignal.SendOffer(SubscribeOffer offer)
    {
        // Under the negotiator's lock: answer from the thread pool, never synchronously (answering re-enters the room).
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Self.Answer(state.Revision), (Self: this, Revision: offer.SdpRevision), preferLocal: false);
    }

    void ISfuSignal.StreamAvailable(OfferedStream stream)
    {
    }

    void ISfuSignal.StreamUnavailable(OfferedStream stream)
    {
    }

    private void Answer(int revision)
    {
        if (_router is null || Volatile.Read(ref _participant) is not { IsActive: true } participant)
        {
            return;
        }

        try
        {
            _router.AcceptAnswer(participant, "phone", revision);
            Volatile.Write(ref _answeredRevision, revision);
        }
        catch (MediaSignalingException)
        {
            // The phone left, or a newer offer superseded this one and will be answered in turn.
        }
    }

    private sealed record Lines(uint[] Ssrcs, string[] Keys)
    {
        public static readonly Lines Empty = new([], []);
    }
}
