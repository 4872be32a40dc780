using System.Globalization;
using ContactCenter.Core.Usage;
using ContactCenter.Web.Ui;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Admin;

/// <summary>The usage report for a range of UTC days, and the same range as a CSV link.</summary>
public partial class UsagePanel
{
    private DateTime? _from;
    private DateTime? _to;
    private IReadOnlyList<UsageRow>? _rows;
    private bool _loading;
    private string? _error;

    [Inject]
    private IUsageLog Usage { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private DateOnly From => _from is { } from ? DateOnly.FromDateTime(from) : UsageEndpoints.DefaultRange(Time.GetUtcNow()).From;

    private DateOnly To => _to is { } to ? DateOnly.FromDateTime(to) : UsageEndpoints.DefaultRange(Time.GetUtcNow()).To;

    private string CsvHref => string.Create(CultureInfo.InvariantCulture, $"{UsageEndpoints.CsvPath}?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");

    protected override async Task OnInitializedAsync()
    {
        var (from, to) = UsageEndpoints.DefaultRange(Time.GetUtcNow());
        _from = from.ToDateTime(TimeOnly.MinValue);
        _to = to.ToDateTime(TimeOnly.MinValue);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (To < From)
        {
            _error = "The first day must not be after the last.";
            return;
        }

        _loading = true;
        _error = null;
        try
        {
            _rows = await UsageEndpoints.ComputeAsync(Usage, From, To, Time.GetUtcNow(), CancellationToken.None);
        }
        finally
        {
            _loading = false;
        }
    }
}
