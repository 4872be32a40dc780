namespace ContactCenter.Web.Bandwidth;

/// <summary>Participant callback delivery (<c>Bandwidth:Webhooks</c>).</summary>
public sealed class BandwidthWebhookOptions
{
    public const string Section = "Bandwidth:Webhooks";

    /// <summary>Tries per event, the first included.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>How long one try may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before the second try; doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries in flight at once: a slow receiver holds one slot, not the queue.</summary>
    public int MaxConcurrent { get; set; } = 16;

    /// <summary>Events waiting beyond this are dropped (and logged) rather than grow memory without bound.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
