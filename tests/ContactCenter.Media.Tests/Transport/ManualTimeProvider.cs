namespace ContactCenter.Media.Tests.Transport;

/// <summary>A clock the test moves by hand (timers still come from the system; tests call the sweep directly).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
