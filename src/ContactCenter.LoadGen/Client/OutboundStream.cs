namespace ContactCenter.LoadGen.Client;

/// <summary>One synthetic stream a peer publishes; the sender thread owns the mutable counters.</summary>
internal sealed class OutboundStream(ClientPeer peer, int streamId, uint ssrc, bool video)
{
    public ClientPeer Peer { get; } = peer;

    public int StreamId { get; } = streamId;

    public uint Ssrc { get; } = ssrc;

    public bool IsVideo { get; } = video;

    /// <summary>The next packet's 32-bit sequence; the RTP sequence number is its low 16 bits, so it wraps naturally.</summary>
    public uint Sequence { get; set; }

    /// <summary>The sequence of the first packet (set by <see cref="StartAt"/> before the sender starts).</summary>
    public uint InitialSequence { get; private set; }

    public uint Timestamp { get; set; } = (uint)Random.Shared.Next();

    public long NextDueTicks { get; set; }

    /// <summary>Packets written so far (read racily by the progress line).</summary>
    public long PacketsSent => Sequence - InitialSequence;

    /// <summary>How often the 16-bit RTP sequence number went from 65535 to 0 on the packets sent so far.</summary>
    public int WrapsSent => PacketsSent == 0 ? 0 : (int)(((Sequence - 1) >> 16) - (InitialSequence >> 16));

    /// <summary>Starts the stream at <paramref name="sequence"/> (RFC 3550 §5.1: a random initial sequence number).</summary>
    public void StartAt(uint sequence)
    {
        InitialSequence = sequence;
        Sequence = sequence;
    }
}
