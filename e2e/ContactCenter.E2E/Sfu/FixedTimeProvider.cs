namespace ContactCenter.E2E.Sfu;

/// <summary>A clock stopped at <paramref name="now"/>: issues tokens "in the past" to get expired ones.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
