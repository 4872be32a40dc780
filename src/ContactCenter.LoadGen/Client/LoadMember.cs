namespace ContactCenter.LoadGen.Client;

/// <summary>One participant of a scenario: its publish connection, its streams and its receiving connections.</summary>
internal sealed class LoadMember(string id, string label)
{
    public string Id { get; } = id;

    public string Label { get; } = label;

    public ClientPeer? Publisher { get; set; }

    public List<OutboundStream> Streams { get; } = [];

    /// <summary>Receiving peers: ours has one subscribe connection; Janus one per remote publisher.</summary>
    public List<ClientPeer> Subscribers { get; } = [];

    /// <summary>Signaling state the target keeps (hub connection, Janus handle ids).</summary>
    public object? TargetState { get; set; }
}
