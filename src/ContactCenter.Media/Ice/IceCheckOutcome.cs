namespace ContactCenter.Media.Ice;

/// <summary>What the ICE-lite responder did with one STUN datagram.</summary>
internal enum IceCheckOutcome
{
    /// <summary>Answered with a success response and refreshed consent (RFC 7675).</summary>
    Accepted,

    /// <summary>Not a Binding request, or unparseable, or a bad FINGERPRINT: silently dropped.</summary>
    Ignored,

    /// <summary>No USERNAME or malformed: answered 400.</summary>
    BadRequest,

    /// <summary>Unknown ufrag or wrong MESSAGE-INTEGRITY: answered 401 (RFC 5389 §10.1.2).</summary>
    Unauthorized,
}
