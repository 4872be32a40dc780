using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Web.Sip;

/// <summary>The host's own phone settings, read from the same "Sip" section as <see cref="ContactCenter.Sip.SipOptions"/>.</summary>
public sealed class PhoneCallOptions
{
    /// <summary>False keeps the SIP port closed (no phones at all).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Trunk calls waiting in the queue beyond this get 486 Busy Here with Retry-After.</summary>
    [Range(1, 10_000)]
    public int MaxQueuedCalls { get; set; } = 50;

    /// <summary>Tag of the customer participant a trunk call creates (never the caller's number).</summary>
    [Required]
    public string CustomerTag { get; set; } = "phone";
}
