namespace ContactCenter.Media.Routing;

/// <summary>
/// One destination of a published track in the forwarding table: the subscriber's connection, the SSRC and the
/// payload-type map to write, and the edge's counters. Immutable once built; a table rebuild makes new ones.
/// </summary>
internal sealed class EdgeTarget(SfuParticipant subscriber, IMediaEndpoint endpoint, uint ssrc, byte[] payloadTypes, EdgeCounters counters)
{
    /// <summary>Marks a payload type the subscriber did not negotiate: such packets are not sent to it.</summary>
    public const byte Unmapped = 0xFF;

    public SfuParticipant Subscriber { get; } = subscriber;

    public IMediaEndpoint Endpoint { get; } = endpoint;

    public uint Ssrc { get; } = ssrc;

    /// <summary>Publisher payload type → subscriber payload type (128 entries).</summary>
    public byte[] PayloadTypes { get; } = payloadTypes;

    public EdgeCounters Counters { get; } = counters;
}
