namespace ContactCenter.Sip;

/// <summary>A carrier or PBX allowed to send calls without a participant token.</summary>
public sealed class SipTrunkOptions
{
    public string Name { get; set; } = "trunk";

    /// <summary>Source addresses: single IPs ("203.0.113.7") or CIDR blocks ("203.0.113.0/24").</summary>
    public IList<string> Addresses { get; } = [];

    /// <summary>Optional digest credentials (RFC 7616 with MD5, compatible with RFC 2617); null = address check only.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Challenge with 407 Proxy-Authenticate instead of 401 WWW-Authenticate (some trunks expect a proxy).</summary>
    public bool UseProxyChallenge { get; set; }

    /// <summary>
    /// Symmetric RTP for this trunk's calls: <c>auto</c> (default: when the SDP address looks NATed or differs from
    /// the signaling source), <c>on</c> or <c>off</c>.
    /// </summary>
    public Media.SymmetricRtpMode SymmetricRtp { get; set; } = Media.SymmetricRtpMode.Auto;
}
