namespace ContactCenter.E2E.Sfu;

/// <summary>What one browser receives from one remote participant (the SDK's getStats, current streams only).</summary>
public sealed class PeerStats
{
    public double AudioBytes { get; set; }

    public double VideoBytes { get; set; }

    public double FramesDecoded { get; set; }

    public override string ToString() => $"audio {AudioBytes} B, video {VideoBytes} B, {FramesDecoded} frames";
}
