using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// A participant as the SFU sees it while its signaling is connected: what it may publish, its publish endpoint
/// and tracks, and its subscribe connection with the m-lines (slots) it receives on. Mutated under the
/// router's lock; the packet path reads only the volatile <see cref="Tracks"/> and <see cref="SlotsSnapshot"/>.
/// </summary>
public sealed class SfuParticipant
{
    private PublishedTrack[] _tracks = [];
    private SubscriberSlot[] _slotsSnapshot = [];

    internal SfuParticipant(string id, string? sessionId, bool canPublishAudio, bool canPublishVideo, ISfuSignal signal)
    {
        Id = id;
        SessionId = sessionId;
        CanPublishAudio = canPublishAudio;
        CanPublishVideo = canPublishVideo;
        Signal = signal;
    }

    public string Id { get; }

    public string? SessionId { get; }

    public bool CanPublishAudio { get; }

    public bool CanPublishVideo { get; }

    /// <summary>False once the participant left (or was replaced by a newer connection).</summary>
    public bool IsActive { get; internal set; } = true;

    internal ISfuSignal Signal { get; }

    internal IMediaEndpoint? PublishEndpoint { get; set; }

    /// <summary>The publish peer when it is a real connection (to tell its packets from the subscribe peer's).</summary>
    public PeerConnection? PublishPeer { get; internal set; }

    internal ISubscribeConnection? Subscribe { get; set; }

    public PeerConnection? SubscribePeer { get; internal set; }

    internal PublishedTrack[] Tracks
    {
        get => Volatile.Read(ref _tracks);
        set => Volatile.Write(ref _tracks, value);
    }

    internal List<SubscriberSlot> Slots { get; } = [];

    internal SubscriberSlot[] SlotsSnapshot => Volatile.Read(ref _slotsSnapshot);

    /// <summary>The last revision offered; revisions only grow (Bandwidth's sdpRevision).</summary>
    public int SdpRevision { get; internal set; }

    internal int PendingRevision { get; set; }

    internal int AnsweredRevision { get; set; }

    /// <summary>Bindings changed while an offer was outstanding: offer again once it is answered.</summary>
    internal bool NeedsOffer { get; set; }

    public bool CanPublish(MediaKind kind) => kind == MediaKind.Audio ? CanPublishAudio : CanPublishVideo;

    public IReadOnlyList<PublishedTrack> PublishedTracks => Tracks;

    internal void PublishSlots() => Volatile.Write(ref _slotsSnapshot, [.. Slots]);

    internal SubscriberSlot? SlotOf(PublishedTrack track)
    {
        foreach (var slot in Slots)
        {
            if (ReferenceEquals(slot.Track, track))
            {
                return slot;
            }
        }

        return null;
    }
}
