namespace ContactCenter.Core.Tokens;

/// <summary>Why a participant token was refused.</summary>
public enum TokenFailure
{
    /// <summary>Not a JWT, or one without the claims a participant token has, or from another issuer.</summary>
    Malformed,

    /// <summary>The signature does not verify with our key (forged, altered, or signed with another key).</summary>
    BadSignature,

    /// <summary>Genuine, but past its expiry.</summary>
    Expired,

    /// <summary>Genuine, but its participant no longer exists (deleted) or belongs to another account.</summary>
    UnknownParticipant,
}
