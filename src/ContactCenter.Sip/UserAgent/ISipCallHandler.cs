namespace ContactCenter.Sip.UserAgent;

/// <summary>
/// Integration seam toward the host (Core/Web): decides what an INVITE becomes and hears about the
/// call's life. The SIP layer has already checked the trunk (source allow-list, digest) for token-less
/// calls and extracted the <c>User-To-User</c> token; validating the token (signature, expiry, AUDIO
/// permission) is the handler's job and a bad one is answered with <see cref="SipInviteDecision.Forbidden"/>.
/// Callbacks may arrive on any thread.
/// </summary>
public interface ISipCallHandler
{
    /// <summary>
    /// Decide on a new call. The token is cancelled when the caller sends CANCEL before the answer
    /// (the UAS then answers 487 itself).
    /// </summary>
    Task<SipInviteDecision> OnInviteAsync(SipInviteContext context, CancellationToken cancellationToken);

    /// <summary>The ACK for our 200 OK arrived: media flows both ways. Wire <see cref="SipCall.Bridge"/> here.</summary>
    void OnCallEstablished(SipCall call);

    /// <summary>The phone put the call on hold (sendonly/inactive) or resumed it (re-INVITE, RFC 3264 §8.4).</summary>
    void OnHoldChanged(SipCall call, bool onHold);

    /// <summary>An RFC 4733 digit from the phone; duration in 8 kHz samples (0 when the end packets were lost).</summary>
    void OnDtmf(SipCall call, char digit, int durationSamples);

    /// <summary>The call is over (BYE either way, RTP timeout, ACK timeout, shutdown): remove the member.</summary>
    void OnCallEnded(SipCall call, SipCallEndReason reason);
}
