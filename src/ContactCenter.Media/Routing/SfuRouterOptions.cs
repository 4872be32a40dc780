namespace ContactCenter.Media.Routing;

/// <summary>Tuning of the router's RTCP handling.</summary>
public sealed record SfuRouterOptions
{
    /// <summary>Keyframe requests (PLI/FIR) from subscribers reach a publisher at most this often.</summary>
    public TimeSpan KeyframeRequestInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
