namespace ContactCenter.Media.Dtls;

/// <summary>What one DTLS-SRTP handshake needs to know.</summary>
/// <param name="Certificate">Our certificate (usually <see cref="DtlsCertificate.Shared"/>).</param>
/// <param name="RemoteFingerprint">The fingerprint from the remote's SDP; its certificate must match.</param>
/// <param name="Profiles">SRTP profiles we accept, most preferred first.</param>
/// <param name="Timeout">The whole handshake must finish within this time.</param>
internal sealed record DtlsHandshakeSettings(
    DtlsCertificate Certificate,
    DtlsFingerprint RemoteFingerprint,
    IReadOnlyList<int> Profiles,
    TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
}
