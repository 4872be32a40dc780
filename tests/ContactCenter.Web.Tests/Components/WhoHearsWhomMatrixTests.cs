using Bunit;
using ContactCenter.Core.Monitoring;
using ContactCenter.Web.Components.Supervision;

namespace ContactCenter.Web.Tests.Components;

public sealed class WhoHearsWhomMatrixTests : MudTestContext
{
    private static readonly MatrixMember[] Members =
    [
        new("c", "Carol", "customer"),
        new("a", "Alice", "agent"),
        new("s", "Sue", "supervisor"),
    ];

    /// <summary>Whisper: C ↔ A, S hears both, A hears S's microphone only.</summary>
    private static readonly MediaEdgeSnapshot[] WhisperEdges =
    [
        new("a", "*", "c", 120, 9600),
        new("c", "*", "a", 118, 9440),
        new("s", "microphone", "a", 0, 0),
        new("c", "*", "s", 117, 9360),
        new("a", "*", "s", 119, 9520),
    ];

    private static string Cell(IRenderedComponent<WhoHearsWhomMatrix> cut, string publisher, string subscriber) =>
        cut.Find($"td[data-publisher={publisher}][data-subscriber={subscriber}]").GetAttribute("data-hears")!;

    [Fact]
    public void Render_WhisperEdges_SupervisorReachesAgentAndNeverCustomer()
    {
        var cut = Render<WhoHearsWhomMatrix>(p => p.Add(c => c.Members, Members).Add(c => c.Edges, WhisperEdges));

        Assert.Equal("yes", Cell(cut, "s", "a"));
        Assert.Equal("no", Cell(cut, "s", "c"));
        Assert.Equal("yes", Cell(cut, "a", "c"));
        Assert.Equal("yes", Cell(cut, "c", "s"));
        Assert.Equal("hears (voice)", cut.Find("td[data-publisher=s][data-subscriber=a]").TextContent.Trim());
        Assert.Equal("hears", cut.Find("td[data-publisher=a][data-subscriber=c]").TextContent.Trim());
        Assert.Equal("does not hear", cut.Find("td[data-publisher=s][data-subscriber=c]").TextContent.Trim());
        Assert.Equal("Carol does not hear Sue.", cut.Find("td[data-publisher=s][data-subscriber=c]").GetAttribute("title"));
        Assert.Equal(3, cut.FindAll("td.cc-self").Count);
    }

    [Fact]
    public void Render_WithCounters_PeopleWordsLiveDotAndPacketsInTooltip()
    {
        var cut = Render<WhoHearsWhomMatrix>(p => p.Add(c => c.Members, Members).Add(c => c.Edges, WhisperEdges).Add(c => c.HasCounters, true));

        var flowing = cut.Find("td[data-publisher=a][data-subscriber=c]");
        var stalled = cut.Find("td[data-publisher=s][data-subscriber=a]");
        Assert.Equal("hears", flowing.TextContent.Trim());
        Assert.DoesNotContain("pkts", cut.Find("tbody").TextContent, StringComparison.Ordinal);
        Assert.Contains("120 packets", flowing.GetAttribute("title"), StringComparison.Ordinal);
        Assert.NotNull(flowing.QuerySelector(".cc-live"));
        Assert.Contains("cc-flowing", flowing.ClassName, StringComparison.Ordinal);
        Assert.Contains("cc-stalled", stalled.ClassName, StringComparison.Ordinal);
        Assert.Null(stalled.QuerySelector(".cc-live"));
        Assert.Equal("hears (voice), silent", stalled.TextContent.Trim());
    }

    [Fact]
    public void Render_CountStopsGrowing_LiveDotGoes()
    {
        var cut = Render<WhoHearsWhomMatrix>(p => p.Add(c => c.Members, Members).Add(c => c.Edges, WhisperEdges).Add(c => c.HasCounters, true));

        // The next refresh: the agent's count grew, the customer's did not.
        MediaEdgeSnapshot[] next = [new("a", "*", "c", 180, 14400), new("c", "*", "a", 118, 9440)];
        cut.Render(p => p.Add(c => c.Edges, next));

        Assert.NotNull(cut.Find("td[data-publisher=a][data-subscriber=c] .cc-live"));
        Assert.Null(cut.Find("td[data-publisher=c][data-subscriber=a]").QuerySelector(".cc-live"));
        Assert.Contains("cc-stalled", cut.Find("td[data-publisher=c][data-subscriber=a]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EdgeFromUnknownParticipant_AddsItsRowAndColumn()
    {
        var cut = Render<WhoHearsWhomMatrix>(p => p.Add(c => c.Members, Members).Add(c => c.Edges, [new MediaEdgeSnapshot("ghost-participant", "*", "c", null, null)]));

        Assert.Equal("yes", Cell(cut, "ghost-participant", "c"));
        Assert.NotNull(cut.Find("[data-testid=col-ghost-participant]"));
    }

    [Fact]
    public void Render_NoEdges_EveryOtherCellHearsNothing()
    {
        var cut = Render<WhoHearsWhomMatrix>(p => p.Add(c => c.Members, Members).Add(c => c.Edges, []));

        Assert.All(cut.FindAll("td[data-hears]"), td => Assert.Equal("no", td.GetAttribute("data-hears")));
        Assert.Equal(6, cut.FindAll("td[data-hears]").Count);
    }
}
