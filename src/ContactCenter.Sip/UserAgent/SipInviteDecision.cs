namespace ContactCenter.Sip.UserAgent;

/// <summary>The host's answer to an INVITE: accept as a participant, or reject with a status.</summary>
public sealed record SipInviteDecision
{
    private SipInviteDecision()
    {
    }

    public bool IsAccepted { get; private init; }

    /// <summary>The participant the phone becomes (Bandwidth style) or the new customer participant (trunk).</summary>
    public string? ParticipantId { get; private init; }
    public string? SessionId { get; private init; }

    public int StatusCode { get; private init; } = 200;
    public string ReasonPhrase { get; private init; } = "OK";

    /// <summary>Retry-After for 486/503 (RFC 3261 §20.33); when null, <see cref="SipOptions.QueueFullRetryAfterSeconds"/> applies.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public static SipInviteDecision Accept(string participantId, string? sessionId = null) =>
        new() { IsAccepted = true, ParticipantId = participantId, SessionId = sessionId };

    public static SipInviteDecision Reject(int statusCode, string reasonPhrase, TimeSpan? retryAfter = null)
    {
        if (statusCode is < 300 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), "A rejection is a 3xx-6xx final response.");
        }
        return new() { StatusCode = statusCode, ReasonPhrase = reasonPhrase, RetryAfter = retryAfter };
    }

    /// <summary>Bad or expired token, or a participant without AUDIO permission.</summary>
    public static SipInviteDecision Forbidden(string reasonPhrase = "Forbidden") => Reject(403, reasonPhrase);

    /// <summary>The call queue is full: 486 Busy Here, or 503 Service Unavailable when the whole service is saturated.</summary>
    public static SipInviteDecision QueueFull(bool serviceUnavailable = false, TimeSpan? retryAfter = null) =>
        serviceUnavailable ? Reject(503, "Service Unavailable", retryAfter) : Reject(486, "Busy Here", retryAfter);
}
