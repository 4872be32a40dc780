namespace ContactCenter.Media.Dtls;

/// <summary>A finished handshake: the SRTP keys and how long it took.</summary>
public sealed record DtlsHandshakeResult(DtlsSrtpKeys Keys, TimeSpan Elapsed);
