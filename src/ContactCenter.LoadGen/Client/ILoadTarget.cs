namespace ContactCenter.LoadGen.Client;

/// <summary>An SFU the scenarios drive (ours through REST + SignalR, or Janus's videoroom through its HTTP API).</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>A new room; <paramref name="members"/> is a capacity hint.</summary>
    Task<string> CreateRoomAsync(int members, CancellationToken cancellationToken);

    /// <summary>Joins a member; when <paramref name="publish"/>, it publishes audio (and video when asked).</summary>
    Task<LoadMember> JoinAsync(string room, string label, bool publish, bool video, CancellationToken cancellationToken);

    /// <summary>Starts receiving: wires subscriptions once all members are in and publishing.</summary>
    Task WireAsync(string room, RoomWiring wiring, IReadOnlyList<LoadMember> members, CancellationToken cancellationToken);

    /// <summary>The server's own transport counters, or null when the target has no such endpoint.</summary>
    Task<ServerMediaStats?> ReadServerStatsAsync(CancellationToken cancellationToken);
}
