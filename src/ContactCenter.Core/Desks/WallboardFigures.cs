using ContactCenter.Core.Queue;

namespace ContactCenter.Core.Desks;

/// <summary>
/// The supervisor's wallboard: callers waiting now and the longest wait; of today's calls (UTC day): handled
/// (answered and ended), abandoned (ended before an answer), average handle time (answer to end of the handled
/// calls), average speed of answer (wait of every answered call, live ones included) and the service level: answered
/// within the target, out of the answered and abandoned calls. Averages and the service level are null without calls.
/// </summary>
public sealed record WallboardFigures(
    int Waiting,
    TimeSpan? LongestWait,
    int Handled,
    int Abandoned,
    TimeSpan? AverageHandleTime,
    TimeSpan? AverageSpeedOfAnswer,
    double? ServiceLevel,
    int ServiceLevelTargetSeconds)
{
    /// <summary>Computes the figures from today's calls (as stored) and the live calls (as the call center has them) at <paramref name="now"/>.</summary>
    public static WallboardFigures Compute(IReadOnlyList<CallRecord> today, IReadOnlyList<LiveCallView> live, DateTimeOffset now, int serviceLevelTargetSeconds)
    {
        var waiting = live.Where(c => c.State is CallState.Waiting or CallState.Offered).ToList();
        TimeSpan? longest = waiting.Count == 0 ? null : waiting.Max(c => now - c.WaitingSince);
        var handled = today.Where(c => c.ConnectedAt is not null && c.EndedAt is not null).ToList();
        var abandoned = today.Count(c => c.IsAbandoned);
        var answered = today.Where(c => c.ConnectedAt is not null).ToList();
        var target = TimeSpan.FromSeconds(serviceLevelTargetSeconds);
        var withinTarget = answered.Count(c => c.ConnectedAt!.Value - c.WaitingSince <= target);
        var offered = answered.Count + abandoned;
        return new WallboardFigures(
            waiting.Count,
            longest,
            handled.Count,
            abandoned,
            Average(handled.Select(c => c.EndedAt!.Value - c.ConnectedAt!.Value)),
            Average(answered.Select(c => c.ConnectedAt!.Value - c.WaitingSince)),
            offered == 0 ? null : (double)withinTarget / offered,
            serviceLevelTargetSeconds);
    }

    private static TimeSpan? Average(IEnumerable<TimeSpan> spans)
    {
        var list = spans.ToList();
        return list.Count == 0 ? null : TimeSpan.FromTicks((long)list.Average(s => s.Ticks));
    }
}
