namespace ContactCenter.Sip.Auth;

public enum TrunkCheckOutcome
{
    /// <summary>The source address belongs to no configured trunk.</summary>
    UnknownSource,
    /// <summary>Credentials are required and missing, wrong or stale: send the challenge.</summary>
    Challenge,
    Allowed,
}

/// <summary>Result of <see cref="SipTrunkAuthenticator.Check"/>; <see cref="ChallengeHeader"/> is set for Challenge.</summary>
public sealed record TrunkCheckResult(TrunkCheckOutcome Outcome, SipTrunkOptions? Trunk, int StatusCode = 0,
    string? ChallengeHeaderName = null, string? ChallengeHeader = null);
