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
        Assert.Equal("microphone", cut.Find("td[data-publisher=s][data-subscriber=a]").TextContent.Trim());
        Assert.Equal(3, cut.FindAll("td.cc-self").Count);
    }

    [Fact]
    public void Render_WithCounters_ShowsPacketsAndMarksStalledEdge()
    {
        var cut = Render<WhoHearsWhomMatrix>(p => p.Add(c => c.Members, Members).Add(c => c.Edges, WhisperEdges).Add(c => c.HasCounters, true));

        var flowing = cut.Find("td[data-publisher=a][data-subscriber=c]");
        var stalled = cut.Find("td[data-publisher=s][data-subscriber=a]");
        Assert.Contains("120 pkts", flowing.TextContent, StringComparison.Ordinal);
        Assert.Contains("cc-flowing", flowing.ClassName, StringComparison.Ordinal);
        Assert.Contains("cc-stalled", stalled.ClassName, StringComparison.Ordinal);
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
