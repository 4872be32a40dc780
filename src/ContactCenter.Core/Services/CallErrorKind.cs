namespace ContactCenter.Core.Services;

/// <summary>The class of a control-plane failure. The REST layer maps it to an HTTP status.</summary>
public enum CallErrorKind
{
    /// <summary>The request is malformed or breaks a domain rule (HTTP 400).</summary>
    Validation,

    /// <summary>A named account, session or participant does not exist or is no longer active (HTTP 404).</summary>
    NotFound,

    /// <summary>The request is valid but clashes with current state: session full, participant elsewhere (HTTP 409).</summary>
    Conflict,

    /// <summary>The caller's account may not touch the named resource (HTTP 403).</summary>
    Forbidden,
}
