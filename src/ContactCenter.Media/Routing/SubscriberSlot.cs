using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// One m-line of a subscribe connection. It carries at most one published track at a time; when the track's
/// edge goes away the line is kept (offered inactive) and reused for the next track of the same kind.
/// </summary>
internal sealed class SubscriberSlot(int index, MediaKind kind)
{
    public int Index { get; } = index;

    public string Mid { get; } = index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public MediaKind Kind { get; } = kind;

    public PublishedTrack? Track { get; set; }

    /// <summary>Our SSRC for the current binding: a new one per binding, so the browser sees a new source.</summary>
    public uint Ssrc { get; set; }

    public string TrackId { get; set; } = string.Empty;

    /// <summary>Revision of the first offer that carried the current binding; 0 before it was offered.</summary>
    public int OfferedRevision { get; set; }

    /// <summary>The codecs the subscriber's answer kept for this line (empty until answered or when rejected).</summary>
    public IReadOnlyList<NegotiatedCodec> Codecs { get; set; } = [];

    /// <summary>streamAvailable was sent for the current binding.</summary>
    public bool Announced { get; set; }

    public OfferedStream Describe(string publisherId) =>
        new(Mid, Ssrc, Track!.StreamId, publisherId, Track.Alias, Kind);
}
