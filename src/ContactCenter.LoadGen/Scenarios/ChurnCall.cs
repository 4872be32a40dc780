using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Scenarios;

/// <summary>One whisper call of the churn scenario: customer, agent, supervisor (in that order).</summary>
internal sealed class ChurnCall(string room, IReadOnlyList<LoadMember> members, double setupMs)
{
    private bool _ended;

    public string Room { get; } = room;

    public IReadOnlyList<LoadMember> Members { get; } = members;

    public double SetupMs { get; } = setupMs;

    /// <summary>A removal probe switched this call to monitor (it is not probed twice).</summary>
    public bool Probed { get; set; }

    /// <summary>Set when the call starts to end (its streams stop); a probe running on it then measures nothing.</summary>
    public bool Ended
    {
        get => Volatile.Read(ref _ended);
        set => Volatile.Write(ref _ended, value);
    }

    public IEnumerable<OutboundStream> Streams => Members.SelectMany(m => m.Streams);

    public IEnumerable<ClientPeer> Receivers => Members.SelectMany(m => m.Subscribers);

    public bool AllConnected =>
        Members.All(m => m.Publisher?.IsConnected != false && m.Subscribers.All(s => s.IsConnected));

    /// <summary>
    /// The supervisor → agent edge that whisper has and monitor removes, as the agent's receiver sees it: null until
    /// the agent has received a packet of the supervisor's stream.
    /// </summary>
    public StreamLossTracker? SupervisorAtAgent()
    {
        if (Members[2].Streams.Count == 0 || Members[1].Subscribers.Count == 0)
        {
            return null;
        }

        int stream = Members[2].Streams[0].StreamId;
        var trackers = Members[1].Subscribers[0].Trackers;
        lock (trackers)
        {
            return trackers.TryGetValue(stream, out var tracker) ? tracker : null;
        }
    }

    public async Task DisposePeersAsync()
    {
        foreach (var member in Members)
        {
            if (member.Publisher is { } publisher)
            {
                await publisher.DisposeAsync();
            }

            foreach (var subscriber in member.Subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }
}
