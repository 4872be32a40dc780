namespace ContactCenter.LoadGen.Client;

/// <summary>One synthetic stream a peer publishes; the sender thread owns the mutable counters.</summary>
internal sealed class OutboundStream(ClientPeer peer, int streamId, uint ssrc, bool video)
{
    public ClientPeer Peer { get; } = peer;

    public int StreamId { get; } = streamId;

    public uint Ssrc { get; } = ssrc;

    public bool IsVideo { get; } = video;

    public uint Sequence { get; set; }

    public uint Timestamp { get; set; } = (uint)Random.Shared.Next();

    public long NextDueTicks { get; set; }
}
