namespace ContactCenter.Sip;

/// <summary>SIP interconnect settings, bound from the "Sip" configuration section by the host.</summary>
public sealed class SipOptions
{
    /// <summary>Address the UDP socket and TCP listener bind to.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>SIP port for UDP and TCP; 0 lets the OS pick (tests).</summary>
    public int Port { get; set; } = 5060;

    /// <summary>Address written into Contact and SDP when <see cref="ListenAddress"/> is a wildcard.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Inclusive RTP port range; each leg takes an even port and, without rtcp-mux, the next odd one for RTCP.</summary>
    public int RtpPortMin { get; set; } = 40000;
    public int RtpPortMax { get; set; } = 40999;

    /// <summary>Trunks allowed to place calls without a participant token.</summary>
    public IList<SipTrunkOptions> Trunks { get; } = [];

    /// <summary>A leg with no RTP from the phone for this long is hung up (0 disables).</summary>
    public int NoRtpTimeoutSeconds { get; set; } = 30;

    /// <summary>Retry-After sent with 486/503 when the call queue is full and the handler gave none.</summary>
    public int QueueFullRetryAfterSeconds { get; set; } = 30;

    /// <summary>Realm of digest challenges (RFC 7616 §3.3).</summary>
    public string Realm { get; set; } = "contactcenter";

    /// <summary>Server / User-Agent header value.</summary>
    public string ServerName { get; set; } = "ContactCenter";

    /// <summary>When true, no RTP is sent while nobody in the mix speaks (marker bit on each talkspurt start).</summary>
    public bool SuppressSilence { get; set; }
}
