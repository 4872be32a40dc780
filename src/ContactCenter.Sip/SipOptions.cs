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

    /// <summary>Largest SIP message accepted (start line, headers and body); larger ones get 513 or are dropped.</summary>
    public int MaxMessageBytes { get; set; } = 65535;

    /// <summary>Most header lines in one message; more get 400.</summary>
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>Open SIP TCP connections at once; further connections are closed on accept.</summary>
    public int MaxTcpConnections { get; set; } = 1000;

    /// <summary>Open SIP TCP connections from one source address.</summary>
    public int MaxTcpConnectionsPerAddress { get; set; } = 20;

    /// <summary>A TCP connection that carries no call and sends nothing for this long is closed.</summary>
    public int TcpIdleTimeoutSeconds { get; set; } = 120;

    /// <summary>A message started on a TCP connection must be complete within this time, or the connection is closed.</summary>
    public int TcpMessageTimeoutSeconds { get; set; } = 10;

    /// <summary>Bytes of replies waiting for one TCP connection; a client that lets more pile up is dropped.</summary>
    public int TcpSendQueueBytes { get; set; } = 256 * 1024;

    /// <summary>A reply that cannot be written to a TCP connection within this time drops the connection.</summary>
    public int TcpSendTimeoutSeconds { get; set; } = 10;

    /// <summary>New INVITEs a second from one source address (token bucket refill); 0 disables the limit.</summary>
    public int InvitesPerSecondPerAddress { get; set; } = 5;

    /// <summary>INVITEs one address may send in a burst before the per-second rate applies.</summary>
    public int InviteBurstPerAddress { get; set; } = 20;

    /// <summary>When false (default) addresses of configured trunks are not rate limited (a carrier sends every call from a few addresses).</summary>
    public bool RateLimitTrunks { get; set; }

    /// <summary>Digest nonces remembered as used (single-use nonces); when full, new authentications are re-challenged.</summary>
    public int MaxTrackedNonces { get; set; } = 10000;
}
