using System.Globalization;
using ContactCenter.Core.Usage;
using ContactCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ContactCenter.Web.Ui;

/// <summary>The usage report as a CSV download for admins (<c>/admin/usage.csv?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>, UTC days, both included).</summary>
public static class UsageEndpoints
{
    public const string CsvPath = "/admin/usage.csv";

    public static IEndpointRouteBuilder MapUsageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, GetCsvAsync).RequireAuthorization(new AuthorizeAttribute { Roles = AppRoles.Admin });
        return app;
    }

    /// <summary>The default range: the last seven UTC days, today included.</summary>
    public static (DateOnly From, DateOnly To) DefaultRange(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return (today.AddDays(-6), today);
    }

    public static async Task<IReadOnlyList<UsageRow>> ComputeAsync(IUsageLog log, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // The day after 9999-12-31 does not exist: a range reaching it ends at the last representable instant.
        var end = to == DateOnly.MaxValue
            ? DateTimeOffset.MaxValue
            : new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return UsageReport.Compute(await log.ListAsync(start, end, ct), start, end, now);
    }

    private static async Task<IResult> GetCsvAsync(string? from, string? to, IUsageLog log, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (defaultFrom, defaultTo) = DefaultRange(now);
        if (!TryDay(from, defaultFrom, out var first) || !TryDay(to, defaultTo, out var last) || last < first)
        {
            return TypedResults.BadRequest("from and to are UTC days (yyyy-MM-dd), from not after to.");
        }

        var rows = await ComputeAsync(log, first, last, now, ct);
        var name = $"usage-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(UsageReport.ToCsv(rows)), "text/csv; charset=utf-8", name);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
