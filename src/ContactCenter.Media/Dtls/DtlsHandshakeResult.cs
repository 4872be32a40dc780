namespace ContactCenter.Media.Dtls;

/// <summary>A finished handshake: the SRTP keys, how long it took, and the association it set up.</summary>
internal sealed record DtlsHandshakeResult(DtlsSrtpKeys Keys, TimeSpan Elapsed, DtlsAssociation Association);
