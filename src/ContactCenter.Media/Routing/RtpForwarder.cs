using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Routing;

/// <summary>The RTP fan-out: a publisher's packet to each current receiver of its track.</summary>
internal sealed class RtpForwarder
{
    private long _unmatchedPackets;

    /// <summary>Dropped because no published track of the sender matched (unknown SSRC, or a refused kind).</summary>
    public long UnmatchedPackets => Interlocked.Read(ref _unmatchedPackets);

    /// <summary>
    /// The fan-out step (ARCHITECTURE "The way a packet travels" 4–6): find the track, remember the packet for
    /// NACKs, then for each of its current targets rewrite SSRC and payload type in place and let the target's endpoint copy and
    /// protect it. The rewrite is redone for every target, so the order of targets does not matter.
    /// Allocation-free and lock-free: the track's targets are an immutable array the room swaps.
    /// </summary>
    public void ForwardRtp(SfuParticipant publisher, Span<byte> packet)
    {
        if (!RtpHeader.TryParse(packet, out var header))
        {
            return;
        }

        var track = FindTrack(publisher, packet, in header);
        if (track is null)
        {
            Interlocked.Increment(ref _unmatchedPackets);
            return;
        }

        track.Cache?.Store(packet);
        var targets = track.Targets;
        byte payloadType = header.PayloadType;
        foreach (var target in targets)
        {
            byte mapped = target.PayloadTypes[payloadType];
            if (mapped == EdgeTarget.Unmapped)
            {
                continue;
            }

            RtpWriter.SetPayloadType(packet, mapped);
            RtpWriter.SetSsrc(packet, target.Ssrc);
            if (target.Endpoint.SendRtp(packet))
            {
                target.Counters.Add(packet.Length);
            }
        }
    }

    /// <summary>
    /// The publisher's track for a packet: by SSRC (declared in its offer or learned), else by the mid header
    /// extension (RFC 9143 §15), else by payload type when exactly one track of that codec has no SSRC yet.
    /// </summary>
    private static PublishedTrack? FindTrack(SfuParticipant publisher, ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        var tracks = publisher.Tracks;
        foreach (var track in tracks)
        {
            if (track.HasSsrc(header.Ssrc))
            {
                return track;
            }
        }

        PublishedTrack? candidate = null;
        foreach (var track in tracks)
        {
            if (track.MidExtensionId > 0 && header.Extension
                && header.TryGetExtension(packet, (byte)track.MidExtensionId, out var mid) && mid.SequenceEqual(track.MidBytes))
            {
                track.Learn(header.Ssrc);
                return track;
            }

            if (track.Ssrc == 0 && track.HasPayloadType(header.PayloadType))
            {
                if (candidate is not null)
                {
                    return null; // ambiguous: wait for a packet with the mid extension
                }

                candidate = track;
            }
        }

        candidate?.Learn(header.Ssrc);
        return candidate;
    }
}
