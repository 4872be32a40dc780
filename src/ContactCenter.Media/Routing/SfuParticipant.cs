using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// A participant as the SFU sees it while its signaling is connected: what it may publish, its publish endpoint
/// and tracks, the room it is in, and how it receives (the negotiator of its subscribe connection, or directly). Its tracks change under its
/// room's lock; the packet path reads only the volatile <see cref="Tracks"/>.
/// </summary>
public sealed class SfuParticipant
{
    private PublishedTrack[] _tracks = [];
    private MediaRoom? _room;
    private volatile bool _active = true;

    internal SfuParticipant(
        string id, string? sessionId, bool canPublishAudio, bool canPublishVideo, ISfuSignal signal, IDirectReceiver? direct = null)
    {
        Id = id;
        SessionId = sessionId;
        CanPublishAudio = canPublishAudio;
        CanPublishVideo = canPublishVideo;
        Signal = signal;
        Negotiator = new SubscribeNegotiator(this);
        Receiver = direct is null ? Negotiator : new DirectReceiver(direct);
    }

    public string Id { get; }

    public string? SessionId { get; }

    public bool CanPublishAudio { get; }

    public bool CanPublishVideo { get; }

    /// <summary>False once the participant left (or was replaced by a newer connection).</summary>
    public bool IsActive
    {
        get => _active;
        internal set => _active = value;
    }

    internal ISfuSignal Signal { get; }

    internal SubscribeNegotiator Negotiator { get; }

    /// <summary>How the room hands it tracks: its negotiator, or for a member without SDP a <see cref="DirectReceiver"/>.</summary>
    internal IRoomReceiver Receiver { get; }

    /// <summary>Guards which room the participant is in (taken before the room's lock, never after).</summary>
    internal object RoomGate { get; } = new();

    /// <summary>The room whose edges name the participant; null until one does. Changed under <see cref="RoomGate"/>.</summary>
    internal MediaRoom? Room
    {
        get => Volatile.Read(ref _room);
        set => Volatile.Write(ref _room, value);
    }

    internal IMediaEndpoint? PublishEndpoint { get; set; }

    /// <summary>The publish peer when it is a real connection (to tell its packets from the subscribe peer's).</summary>
    public PeerConnection? PublishPeer { get; internal set; }

    internal ISubscribeConnection? Subscribe => Negotiator.Connection;

    public PeerConnection? SubscribePeer { get; internal set; }

    internal PublishedTrack[] Tracks
    {
        get => Volatile.Read(ref _tracks);
        set => Volatile.Write(ref _tracks, value);
    }

    /// <summary>The last revision offered; revisions only grow (Bandwidth's sdpRevision).</summary>
    public int SdpRevision => Negotiator.SdpRevision;

    public bool CanPublish(MediaKind kind) => kind == MediaKind.Audio ? CanPublishAudio : CanPublishVideo;

    public IReadOnlyList<PublishedTrack> PublishedTracks => Tracks;
}
