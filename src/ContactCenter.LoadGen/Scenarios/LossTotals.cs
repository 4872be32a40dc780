using ContactCenter.LoadGen.Client;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>Loss summed over every (receiver, stream) tracker.</summary>
internal readonly record struct LossTotals(long Expected, long Lost, long Duplicates)
{
    public double Percent => Expected == 0 ? 0 : 100.0 * Lost / Expected;

    public static LossTotals Of(IEnumerable<ClientPeer> receivers)
    {
        long expected = 0, lost = 0, duplicates = 0;
        foreach (var peer in receivers)
        {
            lock (peer.Trackers)
            {
                foreach (var tracker in peer.Trackers.Values)
                {
                    expected += tracker.Expected;
                    lost += tracker.Lost;
                    duplicates += tracker.Duplicates;
                }
            }
        }

        return new LossTotals(expected, lost, duplicates);
    }
}
