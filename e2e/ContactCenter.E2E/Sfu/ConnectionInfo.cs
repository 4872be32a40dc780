namespace ContactCenter.E2E.Sfu;

/// <summary>The SDK's getConnectionInfo(): the selected candidate pair of each connection.</summary>
public sealed class ConnectionInfo
{
    public PairInfo? Publish { get; set; }

    public PairInfo? Subscribe { get; set; }

    public override string ToString() => $"publish {Publish}, subscribe {Subscribe}";
}

/// <summary>One connection: ICE state and its selected pair's candidate types and protocol.</summary>
public sealed class PairInfo
{
    public string? IceState { get; set; }

    public string? LocalType { get; set; }

    public string? RemoteType { get; set; }

    public string? Protocol { get; set; }

    public string? RelayProtocol { get; set; }

    public override string ToString() => $"{IceState} {LocalType}({RelayProtocol})->{RemoteType} over {Protocol}";
}
