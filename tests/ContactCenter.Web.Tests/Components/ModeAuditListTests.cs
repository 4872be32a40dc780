using Bunit;
using ContactCenter.Core.Auditing;
using ContactCenter.Core.CallModes;
using ContactCenter.Web.Components.Supervision;

namespace ContactCenter.Web.Tests.Components;

public sealed class ModeAuditListTests : MudTestContext
{
    [Fact]
    public void Render_Entries_ModesInWordsInsideScrollContainer()
    {
        var entry = CreateEntry(null, CallMode.FullyWired);
        var second = CreateEntry(CallMode.FullyWired, CallMode.TakeOver);

        var cut = Render<ModeAuditList>(p => p.Add(c => c.Entries, [entry, second]));

        var text = cut.Find("[data-testid=audit-log]").TextContent;
        Assert.Contains("Fully wired", text, StringComparison.Ordinal);
        Assert.Equal(["Fully wired → Take over", "Fully wired"], cut.FindAll("[data-testid=audit-change]").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain("FullyWired", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TakeOver", text, StringComparison.Ordinal);
        Assert.NotNull(cut.Find(".cc-scroll-x [data-testid=audit-log]"));
    }

    private static ModeChangeAudit CreateEntry(CallMode? from, CallMode to) =>
        new("demo", "s-1", from, to, "sue@demo.local", Samples.Now);
}
