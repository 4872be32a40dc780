using System.Text;
using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// One stream a participant publishes (one m-line of its publish connection). Identity is by reference: the
/// room's targets and subscribers' lines refer to it, and a renegotiation that keeps the mid and alias keeps the object.
/// </summary>
public sealed class PublishedTrack
{
    private readonly uint[] _declaredSsrcs;
    private uint _learnedSsrc;
    private EdgeTarget[] _targets = [];

    internal PublishedTrack(SfuParticipant owner, PublishedStream stream, string streamId)
    {
        Owner = owner;
        Mid = stream.Mid;
        Alias = stream.Alias;
        Kind = stream.Kind;
        StreamId = streamId;
        Codecs = stream.Codecs;
        MidExtensionId = stream.MidExtensionId;
        MidBytes = Encoding.UTF8.GetBytes(stream.Mid);
        _declaredSsrcs = [.. stream.Ssrcs];
        Cache = stream.Kind == MediaKind.Video ? new RetransmissionCache() : null;
    }

    public SfuParticipant Owner { get; }

    public string Mid { get; }

    public string Alias { get; }

    public MediaKind Kind { get; }

    /// <summary>Stable id of the stream for signaling (streamAvailable's streamId).</summary>
    public string StreamId { get; }

    public IReadOnlyList<NegotiatedCodec> Codecs { get; private set; }

    internal int MidExtensionId { get; private set; }

    internal byte[] MidBytes { get; }

    /// <summary>Packets sent by the publisher, kept for NACKs (video only).</summary>
    internal RetransmissionCache? Cache { get; }

    /// <summary>
    /// Where the track's packets go now (mediasoup's producer holding its consumers). The room writes a new array
    /// with one volatile write; the packet path reads it without a lock, so a removed edge stops at the next packet.
    /// </summary>
    internal EdgeTarget[] Targets
    {
        get => Volatile.Read(ref _targets);
        set => Volatile.Write(ref _targets, value);
    }

    /// <summary>Ticks of the last keyframe request sent to the publisher (rate limit, RFC 4585 §3.4 spirit).</summary>
    internal long LastKeyframeRequestTicks;

    /// <summary>The publisher's SSRC: learned from its packets, or the first one its offer declared.</summary>
    public uint Ssrc
    {
        get
        {
            uint learned = Volatile.Read(ref _learnedSsrc);
            return learned != 0 ? learned : (_declaredSsrcs.Length > 0 ? _declaredSsrcs[0] : 0);
        }
    }

    internal bool HasSsrc(uint ssrc)
    {
        if (Volatile.Read(ref _learnedSsrc) == ssrc)
        {
            return true;
        }

        foreach (uint declared in _declaredSsrcs)
        {
            if (declared == ssrc)
            {
                return true;
            }
        }

        return false;
    }

    internal bool HasPayloadType(int payloadType)
    {
        foreach (var codec in Codecs)
        {
            if (codec.PayloadType == payloadType)
            {
                return true;
            }
        }

        return false;
    }

    internal void Learn(uint ssrc) => Volatile.Write(ref _learnedSsrc, ssrc);

    internal void Update(PublishedStream stream)
    {
        Codecs = stream.Codecs;
        MidExtensionId = stream.MidExtensionId;
    }
}
