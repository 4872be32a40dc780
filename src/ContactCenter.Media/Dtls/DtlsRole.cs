namespace ContactCenter.Media.Dtls;

/// <summary>Which side of the DTLS handshake we play (RFC 5763 §5: <c>a=setup</c> decides).</summary>
public enum DtlsRole
{
    /// <summary>We wait for the ClientHello (we answered <c>a=setup:passive</c>).</summary>
    Server,

    /// <summary>We send the ClientHello (the remote answered <c>a=setup:passive</c> to our actpass offer).</summary>
    Client,
}
