using Bunit;
using ContactCenter.Core.Desks;
using ContactCenter.Web.Components.Calls;

namespace ContactCenter.Web.Tests.Components;

public sealed class CallHistoryListTests : MudTestContext
{
    private static readonly CallRecord Answered = new("c1", "Carol", "web-caller", "web:x", Samples.Now.AddDays(-1), Samples.Now.AddDays(-1).AddSeconds(9),
        Samples.Now.AddDays(-1).AddMinutes(4), ["Alice"]);

    [Fact]
    public void Render_Calls_OutcomeInWordsAndTheNote()
    {
        var calls = new[]
        {
            Answered with { DispositionCodeId = "k1", DispositionLabel = "Resolved", DispositionNote = "Reset the router.", DispositionAt = Samples.Now },
            Answered with { CallId = "c2" },
            Answered with { CallId = "c3", ConnectedAt = null, AgentNames = [] },
        };

        var cut = Render<CallHistoryList>(p => p.Add(c => c.Calls, calls));

        Assert.Equal(["Resolved", "No code", "Abandoned (hung up while waiting)"],
            cut.FindAll("[data-testid=history-outcome]").Select(td => td.TextContent.Trim()));
        Assert.Equal("Reset the router.", cut.FindAll("[data-testid=history-note]")[0].TextContent.Trim());
        Assert.DoesNotContain("web-caller", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_None_EmptyText()
    {
        var cut = Render<CallHistoryList>(p => p.Add(c => c.Calls, Array.Empty<CallRecord>()).Add(c => c.EmptyText, "This is their first call."));

        Assert.Equal("This is their first call.", cut.Find("[data-testid=history-empty]").TextContent.Trim());
    }
}
