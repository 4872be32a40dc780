using Bunit;
using ContactCenter.Core.CallModes;
using ContactCenter.Core.Desks;
using ContactCenter.Core.Queue;
using ContactCenter.Web.Components.Supervision;

namespace ContactCenter.Web.Tests.Components;

public sealed class WallboardTests : MudTestContext
{
    private static readonly DateTimeOffset Now = Samples.Now;

    /// <summary>
    /// The first four: two handled calls (answered after 10 s and 30 s, talked 2 and 4 minutes), one abandoned after
    /// 50 s, one live call answered after 20 s; two callers wait (40 s and 90 s). Target 20 s: answered within it 2
    /// (10 s, 20 s) out of 3 answered + 1 abandoned = 50 %; AHT 3:00; ASA (10 + 30 + 20) / 3 = 20 s. The fifth (answered
    /// after 25 s, talked 1 minute) makes 3 handled, AHT 2:20, ASA 21.25 s and 2 of 5 = 40 %.
    /// </summary>
    private static readonly CallRecord[] Today =
    [
        Record("h1", Now.AddHours(-3), answerAfter: 10, talk: 120),
        Record("h2", Now.AddHours(-2), answerAfter: 30, talk: 240),
        Record("ab", Now.AddHours(-1), answerAfter: null, talk: null) with { EndedAt = Now.AddHours(-1).AddSeconds(50) },
        Record("live", Now.AddMinutes(-5), answerAfter: 20, talk: null),
        Record("h0", Now.AddHours(-4), answerAfter: 25, talk: 60),
    ];

    [Fact]
    public void Compute_GivenHistory_Figures()
    {
        var figures = WallboardFigures.Compute(Today[..4], [Waiting("w1", 40), Waiting("w2", 90)], Now, 20);

        Assert.Equal(2, figures.Waiting);
        Assert.Equal(TimeSpan.FromSeconds(90), figures.LongestWait);
        Assert.Equal(2, figures.Handled);
        Assert.Equal(1, figures.Abandoned);
        Assert.Equal(TimeSpan.FromMinutes(3), figures.AverageHandleTime);
        Assert.Equal(TimeSpan.FromSeconds(20), figures.AverageSpeedOfAnswer);
        Assert.Equal(0.5, figures.ServiceLevel!.Value, 3);
    }

    [Fact]
    public void Render_GivenHistory_FiguresInWords()
    {
        var figures = WallboardFigures.Compute(Today, [Waiting("w1", 40), Waiting("w2", 90)], Now, 20);

        var cut = Render<Wallboard>(p => p.Add(c => c.Figures, figures));

        Assert.Equal("2", Text(cut, "wb-waiting"));
        Assert.Equal("01:30", Text(cut, "wb-longest"));
        Assert.Equal("3", Text(cut, "wb-handled"));
        Assert.Equal("1", Text(cut, "wb-abandoned"));
        Assert.Equal("02:20", Text(cut, "wb-aht"));
        Assert.Equal("00:21", Text(cut, "wb-asa"));
        Assert.Equal("40 %", Text(cut, "wb-sl"));
        Assert.Contains("answered within 20 s", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoCalls_DashesNotZeroes()
    {
        var cut = Render<Wallboard>(p => p.Add(c => c.Figures, WallboardFigures.Compute([], [], Now, 20)));

        Assert.Equal("0", Text(cut, "wb-waiting"));
        Assert.Equal("—", Text(cut, "wb-longest"));
        Assert.Equal("—", Text(cut, "wb-aht"));
        Assert.Equal("—", Text(cut, "wb-sl"));
    }

    private static string Text(IRenderedComponent<Wallboard> cut, string id) => cut.Find($"[data-testid={id}]").TextContent.Trim();

    private static CallRecord Record(string id, DateTimeOffset queued, int? answerAfter, int? talk)
    {
        var connected = answerAfter is { } a ? queued.AddSeconds(a) : (DateTimeOffset?)null;
        return new CallRecord(id, "Carol", "web-caller", null, queued, connected, talk is { } t ? connected!.Value.AddSeconds(t) : null, ["Alice"]);
    }

    private static LiveCallView Waiting(string id, int seconds) =>
        new(id, "p-" + id, "Dave", "web-caller", CallState.Waiting, Now.AddSeconds(-seconds), null, null, CallMode.FullyWired, [], [], [], 1);
}
