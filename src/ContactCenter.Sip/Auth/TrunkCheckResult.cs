namespace ContactCenter.Sip.Auth;

/// <summary>Result of <see cref="SipTrunkAuthenticator.Check"/>; <see cref="ChallengeHeader"/> is set for Challenge.</summary>
public sealed record TrunkCheckResult(TrunkCheckOutcome Outcome, SipTrunkOptions? Trunk, int StatusCode = 0,
    string? ChallengeHeaderName = null, string? ChallengeHeader = null);
