using System.Globalization;
using ContactCenter.Core.Usage;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Admin;

/// <summary>The usage rows (per tag per day) with a total per tag and a grand total.</summary>
public partial class UsageReportView
{
    [Parameter]
    [EditorRequired]
    public IReadOnlyList<UsageRow> Rows { get; set; } = [];

    private IEnumerable<(string Tag, double Minutes)> TotalsByTag =>
        Rows.GroupBy(r => r.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(r => r.ParticipantMinutes)));

    private double GrandTotal => Rows.Sum(r => r.ParticipantMinutes);

    private static string Minutes(double minutes) => minutes.ToString("0.##", CultureInfo.InvariantCulture);
}
