namespace ContactCenter.Media.Peers;

/// <summary>
/// A peer's negotiated m-lines in SDP order, and the receive loop's lookups: payload type → m-line (RTP payload
/// types are 7 bits) and SSRC → m-line. Lines change on the signaling thread under the negotiation's lock; the
/// receive loop only reads (and learns SSRCs, on its own thread).
/// </summary>
internal sealed class MediaLineTable
{
    private const int MaxLearnedSsrcs = 64;

    private readonly NegotiatedMedia?[] _byPayloadType = new NegotiatedMedia?[128];
    private readonly Dictionary<uint, NegotiatedMedia> _bySsrc = [];

    /// <summary>The accepted m-lines, in SDP order.</summary>
    public List<NegotiatedMedia> Lines { get; } = [];

    /// <summary>
    /// Finds the m-line of a received packet: by SSRC when the SDP declared it or we saw it before, else by
    /// payload type (then the SSRC is remembered). Null when neither matches. Allocation-free once learned.
    /// </summary>
    public NegotiatedMedia? Find(uint ssrc, int payloadType)
    {
        if (_bySsrc.TryGetValue(ssrc, out var media))
        {
            return media;
        }

        if ((uint)payloadType >= 128 || _byPayloadType[payloadType] is not { } byType)
        {
            return null;
        }

        if (_bySsrc.Count < MaxLearnedSsrcs)
        {
            _bySsrc[ssrc] = byType;
            byType.RemoteSsrcs.Add(ssrc);
        }

        return byType;
    }

    /// <summary>Adds a line accepted in a later negotiation while media may flow: array writes only.</summary>
    public void AddLive(NegotiatedMedia added)
    {
        Lines.Add(added);
        foreach (var codec in added.Codecs)
        {
            // Array writes only: the receive loop may be reading this table right now.
            _byPayloadType[codec.PayloadType] ??= added;
        }
    }

    /// <summary>Builds the lookups after negotiation (signaling thread, before media flows).</summary>
    public void Index()
    {
        Array.Clear(_byPayloadType);
        _bySsrc.Clear();
        foreach (var media in Lines)
        {
            if (!media.WeReceive)
            {
                continue;
            }

            foreach (var codec in media.Codecs)
            {
                _byPayloadType[codec.PayloadType] ??= media;
            }

            foreach (uint ssrc in media.RemoteSsrcs)
            {
                _bySsrc[ssrc] = media;
            }
        }
    }
}
