namespace ContactCenter.Web.Protection;

/// <summary>
/// Sign-in attempts per user. The user is named in the form body, which a rate-limiter partition cannot read, so
/// the sign-in handler asks this (the same library's fixed window) once it has the form. Per address is the
/// endpoint's <see cref="RateLimitNames.SignInAddress"/> policy.
/// </summary>
public sealed class SignInUserLimiter(LimitsOptions options) : IDisposable
{
    private readonly KeyedWindowLimiter _limiter = new(options.SignInsPerUserPerMinute, TimeSpan.FromSeconds(options.SignInWindowSeconds));

    public bool TryAcquire(string email, out int retryAfterSeconds) =>
        _limiter.TryAcquire(email.Trim().ToUpperInvariant(), out retryAfterSeconds);

    public void Dispose() => _limiter.Dispose();
}
