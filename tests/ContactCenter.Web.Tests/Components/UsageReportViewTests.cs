using Bunit;
using ContactCenter.Core.Usage;
using ContactCenter.Web.Components.Admin;

namespace ContactCenter.Web.Tests.Components;

public sealed class UsageReportViewTests : MudTestContext
{
    [Fact]
    public void Render_RowsOfTwoDays_TotalsPerTagAndGrandTotal()
    {
        UsageRow[] rows =
        [
            new(new DateOnly(2025, 3, 1), "agent", 9, 1),
            new(new DateOnly(2025, 3, 1), "web-caller", 15.5, 2),
            new(new DateOnly(2025, 3, 2), "web-caller", 4.25, 1),
        ];

        var cut = Render<UsageReportView>(p => p.Add(c => c.Rows, rows));

        Assert.Contains("19.75", cut.Find("[data-testid=usage-total-web-caller]").TextContent, StringComparison.Ordinal);
        Assert.Contains("9", cut.Find("[data-testid=usage-total-agent]").TextContent, StringComparison.Ordinal);
        Assert.Contains("28.75", cut.Find("[data-testid=usage-grand-total]").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("[data-testid=usage-table] tbody tr").Count);
    }

    [Fact]
    public void Render_NoRows_ShowsEmptyState()
    {
        var cut = Render<UsageReportView>(p => p.Add(c => c.Rows, []));

        Assert.NotNull(cut.Find("[data-testid=usage-empty]"));
        Assert.Empty(cut.FindAll("[data-testid=usage-table]"));
    }
}
