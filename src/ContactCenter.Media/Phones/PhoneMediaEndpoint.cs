using System.Buffers.Binary;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Phones;

/// <summary>
/// A phone leg as an ordinary room member: the publish endpoint of its G.711 stream and the direct receiver of
/// the Opus streams its edges carry. There is no SDP toward the phone here (the SIP leg negotiated G.711 already)
/// and no offer/answer with the router: the room binds each wanted audio stream to a new SSRC and adds the phone
/// to that track's targets in the same change. Video is never bound. The SSRC names the stream, so the
/// forwarding path finds the stream key without allocating.
/// </summary>
public sealed class PhoneMediaEndpoint : IDirectReceiver
{
    /// <summary>The payload type the phone takes Opus with; the router rewrites forwarded packets to it.</summary>
    public const int OpusPayloadType = 111;

    private static readonly IReadOnlyList<NegotiatedCodec> s_opus = [new NegotiatedCodec(OpusPayloadType, "opus", 48000, 2, null, [])];
    private readonly IPhoneAudioTarget _target;
    private readonly byte[] _inbound = new byte[1500];
    private Lines _lines = Lines.Empty;
    private SfuRouter? _router;
    private SfuParticipant? _participant;
    private int _closed;

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

    IReadOnlyList<NegotiatedCodec> IDirectReceiver.Codecs => s_opus;

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
        _router.ForwardDirectRtp(participant, _inbound.AsSpan(0, rtpPacket.Length));
    }

    /// <summary>Leaves the router: nothing more is forwarded to or from the phone.</summary>
    public void Leave(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0 && _router is not null && Volatile.Read(ref _participant) is { } participant)
        {
            _router.Leave(participant, reason);
        }
    }

    bool IDirectReceiver.Accepts(MediaKind kind) => kind == MediaKind.Audio;

    void IDirectReceiver.SetStreams(IReadOnlyList<DirectStream> streams)
    {
        // Under the room's lock, before the tracks' targets are rewritten: a stream leaves the mix here before its
        // target goes, so the mix is never more than the edges (whisper holds).
        var ssrcs = new uint[streams.Count];
        var keys = new string[streams.Count];
        for (int i = 0; i < streams.Count; i++)
        {
            ssrcs[i] = streams[i].Ssrc;
            keys[i] = streams[i].StreamId;
        }

        var next = new Lines(ssrcs, keys);
        Volatile.Write(ref _lines, next);
        _target.SetStreams(next.Keys);
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

    private sealed record Lines(uint[] Ssrcs, string[] Keys)
    {
        public static readonly Lines Empty = new([], []);
    }
}
