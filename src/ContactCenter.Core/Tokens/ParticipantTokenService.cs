using System.Globalization;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ContactCenter.Core.Tokens;

/// <summary>
/// Issues and validates participant tokens: compact JWTs signed with HMAC-SHA256 that carry the participant,
/// its account, its session (if any) and the device API version (<c>v</c>). Scoped, because
/// <see cref="ValidateAsync"/> looks the participant up in the request's <see cref="ICallStore"/>.
/// </summary>
public sealed class ParticipantTokenService
{
    private static readonly JsonWebTokenHandler s_handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly ParticipantTokenOptions _options;
    private readonly ParticipantTokenKey _key;
    private readonly TimeProvider _time;
    private readonly ICallStore _store;

    public ParticipantTokenService(IOptions<ParticipantTokenOptions> options, ParticipantTokenKey key, TimeProvider time, ICallStore store)
    {
        _options = options.Value;
        _key = key;
        _time = time;
        _store = store;
    }

    public ParticipantToken Issue(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);

        // Whole seconds: exp is a NumericDate, and the returned ExpiresAt should equal what the token says.
        var now = DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now.AddMinutes(_options.LifetimeMinutes);
        var claims = new Dictionary<string, object>
        {
            [ParticipantTokenClaimNames.Subject] = participant.Id,
            [ParticipantTokenClaimNames.Account] = participant.AccountId,
            [ParticipantTokenClaimNames.DeviceApiVersion] = participant.DeviceApiVersion,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (participant.SessionId is not null)
        {
            claims[ParticipantTokenClaimNames.Session] = participant.SessionId;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key.SecurityKey, SecurityAlgorithms.HmacSha256),
        };
        return new ParticipantToken(s_handler.CreateToken(descriptor), expires);
    }

    /// <summary>Signature, issuer, claims and expiry only; the participant is not looked up.</summary>
    public async Task<ParticipantTokenValidation> ValidateTokenAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || !s_handler.CanReadToken(token))
        {
            return ParticipantTokenValidation.Fail(TokenFailure.Malformed, "The token is not a JWT.");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = _key.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,

            // Expiry is checked below against the injected TimeProvider, after the signature.
            ValidateLifetime = false,
        };

        var result = await s_handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return ParticipantTokenValidation.Fail(Classify(result.Exception), Describe(result.Exception));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>(ParticipantTokenClaimNames.Subject, out var participantId) || string.IsNullOrEmpty(participantId)
            || !jwt.TryGetPayloadValue<string>(ParticipantTokenClaimNames.Account, out var accountId) || string.IsNullOrEmpty(accountId)
            || !jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp))
        {
            return ParticipantTokenValidation.Fail(TokenFailure.Malformed, "The token lacks the participant, account or expiry claim.");
        }

        jwt.TryGetPayloadValue<string>(ParticipantTokenClaimNames.Session, out var sessionId);
        jwt.TryGetPayloadValue<string>(ParticipantTokenClaimNames.DeviceApiVersion, out var version);

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (_time.GetUtcNow() > expiresAt.AddSeconds(_options.ClockSkewSeconds))
        {
            return ParticipantTokenValidation.Fail(
                TokenFailure.Expired,
                $"The token expired at {expiresAt.ToString("u", CultureInfo.InvariantCulture)}.");
        }

        return ParticipantTokenValidation.Valid(new ParticipantTokenClaims(participantId, accountId, sessionId, version ?? "V3", expiresAt));
    }

    /// <summary>
    /// Everything <see cref="ValidateTokenAsync"/> checks, and that the participant still exists in the token's account.
    /// </summary>
    public async Task<ParticipantTokenValidation> ValidateAsync(string? token, CancellationToken ct = default)
    {
        var validation = await ValidateTokenAsync(token).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return validation;
        }

        var claims = validation.Claims;
        var participant = await _store.FindParticipantAsync(claims.AccountId, claims.ParticipantId, ct).ConfigureAwait(false);
        return participant is null
            ? ParticipantTokenValidation.Fail(TokenFailure.UnknownParticipant, $"Participant {claims.ParticipantId} does not exist (any more).")
            : ParticipantTokenValidation.Valid(claims, participant);
    }

    private static TokenFailure Classify(Exception? error) => error switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => TokenFailure.BadSignature,
        SecurityTokenInvalidAlgorithmException => TokenFailure.BadSignature,
        SecurityTokenExpiredException => TokenFailure.Expired,
        _ => TokenFailure.Malformed,
    };

    private static string Describe(Exception? error) => error switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            "The token's signature is not valid (altered, or signed with another key).",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with HMAC-SHA256.",
        SecurityTokenInvalidIssuerException => "The token was issued by someone else.",
        SecurityTokenInvalidAudienceException => "The token is meant for another audience.",
        SecurityTokenExpiredException => "The token has expired.",
        _ => "The token is malformed.",
    };
}
