using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

public sealed partial class SfuRouter
{
    /// <summary>Builds and publishes the forwarding table from the edges and the answered slots. Under the lock.</summary>
    private int RebuildTable()
    {
        var byTrack = new Dictionary<PublishedTrack, List<EdgeTarget>>();
        int count = 0;
        foreach (var edges in _sessions.Values)
        {
            foreach (var edge in edges)
            {
                if (!_participants.TryGetValue(edge.PublisherId, out var publisher)
                    || !_participants.TryGetValue(edge.SubscriberId, out var subscriber)
                    || subscriber.Subscribe is not { } endpoint || ReferenceEquals(publisher, subscriber))
                {
                    continue;
                }

                foreach (var track in publisher.Tracks)
                {
                    var slot = edge.Covers(track.Alias) ? subscriber.SlotOf(track) : null;
                    if (slot is null || slot.OfferedRevision == 0 || slot.OfferedRevision > subscriber.AnsweredRevision)
                    {
                        continue; // not negotiated yet: the browser could not demultiplex it
                    }

                    if (!byTrack.TryGetValue(track, out var targets))
                    {
                        targets = [];
                        byTrack[track] = targets;
                    }

                    if (targets.Exists(t => ReferenceEquals(t.Subscriber, subscriber)))
                    {
                        continue; // "*" and a named alias edge cover the same stream
                    }

                    var map = PayloadTypeMap(track.Codecs, slot.Codecs);
                    targets.Add(new EdgeTarget(subscriber, endpoint, slot.Ssrc, map, CountersFor(publisher.Id, track.Alias, subscriber.Id)));
                    count++;
                }
            }
        }

        var table = new Dictionary<PublishedTrack, EdgeTarget[]>(byTrack.Count);
        foreach (var (track, targets) in byTrack)
        {
            table[track] = [.. targets];
        }

        Volatile.Write(ref _table, new ForwardingTable(table));
        return count;
    }

    /// <summary>
    /// Publisher payload type → subscriber payload type, matching codecs by name, clock rate and channels
    /// (RFC 3264 §6.1 lets each side number its codecs differently).
    /// </summary>
    internal static byte[] PayloadTypeMap(IReadOnlyList<NegotiatedCodec> from, IReadOnlyList<NegotiatedCodec> to)
    {
        var map = new byte[128];
        Array.Fill(map, EdgeTarget.Unmapped);
        foreach (var source in from)
        {
            foreach (var target in to)
            {
                if (string.Equals(source.Name, target.Name, StringComparison.OrdinalIgnoreCase)
                    && source.ClockRate == target.ClockRate && (source.Channels ?? 1) == (target.Channels ?? 1)
                    && (uint)source.PayloadType < 128)
                {
                    map[source.PayloadType] = (byte)target.PayloadType;
                    break;
                }
            }
        }

        return map;
    }
}
