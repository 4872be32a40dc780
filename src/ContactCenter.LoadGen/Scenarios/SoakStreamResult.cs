using ContactCenter.LoadGen.Client;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>One SSRC of a soak as one receiver saw it, next to what its sender sent.</summary>
internal sealed record SoakStreamResult(
    string Kind,
    uint SenderSsrc,
    string Receiver,
    uint? ReceiverSsrc,
    long PacketsSent,
    long PacketsReceived,
    int WrapsSent,
    int WrapsReceived,
    long Expected,
    long Lost,
    double LossPercent,
    long ClientAuthFailures,
    long Renumbered)
{
    /// <summary>One row per (receiving peer, sent stream); a stream a receiver never got has a row of zeros.</summary>
    public static List<SoakStreamResult> Collect(IReadOnlyList<OutboundStream> streams, IReadOnlyList<ClientPeer> receivers)
    {
        var rows = new List<SoakStreamResult>();
        foreach (var peer in receivers)
        {
            foreach (var stream in streams)
            {
                rows.Add(Row(stream, peer));
            }
        }

        return rows;
    }

    private static SoakStreamResult Row(OutboundStream stream, ClientPeer peer)
    {
        long expected = 0, lost = 0;
        lock (peer.Trackers)
        {
            if (peer.Trackers.TryGetValue(stream.StreamId, out var tracker))
            {
                (expected, lost) = (tracker.Expected, tracker.Lost);
            }
        }

        uint? ssrc = null;
        long packets = 0, authFailures = 0, renumbered = 0;
        int wraps = 0;
        lock (peer.ReceivedSsrcs)
        {
            foreach (var received in peer.ReceivedSsrcs.Values)
            {
                if (received.StreamId == stream.StreamId)
                {
                    ssrc = received.Ssrc;
                    (packets, wraps, authFailures, renumbered) = (received.Packets, received.Wraps, received.AuthFailures, received.Renumbered);
                }
            }
        }

        return new SoakStreamResult(
            stream.IsVideo ? "video" : "audio", stream.Ssrc, peer.Name, ssrc, stream.PacketsSent, packets, stream.WrapsSent, wraps,
            expected, lost, expected == 0 ? 0 : 100.0 * lost / expected, authFailures, renumbered);
    }
}
