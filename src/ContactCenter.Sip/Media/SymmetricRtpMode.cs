namespace ContactCenter.Sip.Media;

/// <summary>
/// Where we send a phone's RTP (per trunk, <c>Sip:Trunks:N:SymmetricRtp</c>): symmetric RTP (RFC 4961) sends to
/// the address and port the phone's RTP really comes from, which is what reaches a phone behind NAT.
/// </summary>
public enum SymmetricRtpMode
{
    /// <summary>
    /// Symmetric when the SDP's media address differs from the address the INVITE came from, or is private,
    /// link-local or unspecified (signs of NAT); otherwise the SDP address is trusted.
    /// </summary>
    Auto,

    /// <summary>Always send to the source of the phone's first valid RTP packet.</summary>
    On,

    /// <summary>Always send to the SDP's address, wherever the phone's RTP comes from.</summary>
    Off,
}
