namespace ContactCenter.Sip.Auth;

public enum TrunkCheckOutcome
{
    /// <summary>The source address belongs to no configured trunk.</summary>
    UnknownSource,
    /// <summary>Credentials are required and missing, wrong or stale: send the challenge.</summary>
    Challenge,
    Allowed,
}
