using System.Diagnostics.CodeAnalysis;
using ContactCenter.Core.Domain;

namespace ContactCenter.Core.Tokens;

/// <summary>The outcome of validating a participant token: the claims (and participant), or a failure and its reason.</summary>
public sealed record ParticipantTokenValidation
{
    private ParticipantTokenValidation(ParticipantTokenClaims? claims, Participant? participant, TokenFailure? failure, string? reason)
    {
        Claims = claims;
        Participant = participant;
        Failure = failure;
        Reason = reason;
    }

    public ParticipantTokenClaims? Claims { get; }

    /// <summary>The participant the token names; set by <see cref="ParticipantTokenService.ValidateAsync"/> only.</summary>
    public Participant? Participant { get; }

    public TokenFailure? Failure { get; }

    /// <summary>A sentence for logs and for the refused client, e.g. "the token expired at 2026-…".</summary>
    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Claims))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(Reason))]
    public bool IsValid => Failure is null;

    internal static ParticipantTokenValidation Valid(ParticipantTokenClaims claims, Participant? participant = null) =>
        new(claims, participant, null, null);

    internal static ParticipantTokenValidation Fail(TokenFailure failure, string reason) => new(null, null, failure, reason);
}
