using System.Globalization;
using System.Text;

namespace ContactCenter.Core.Usage;

/// <summary>
/// Participant-minutes per tag per UTC day, as Bandwidth reported usage for billing. A stay that crosses midnight is
/// split at midnight, and a stay still open counts up to "now". Pure, so the page, the CSV and the tests agree.
/// </summary>
public static class UsageReport
{
    public const string UntaggedLabel = "(untagged)";

    public static IReadOnlyList<UsageRow> Compute(IEnumerable<UsageRecord> records, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var minutes = new Dictionary<(DateOnly Day, string Tag), double>();
        var people = new Dictionary<(DateOnly Day, string Tag), HashSet<string>>();
        foreach (var record in records)
        {
            var start = Max(record.JoinedAt, from).ToUniversalTime();
            var end = Min(record.LeftAt ?? now, to).ToUniversalTime();
            while (start < end)
            {
                var dayStart = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
                var sliceEnd = Min(end, dayStart.AddDays(1));
                var key = (DateOnly.FromDateTime(dayStart.UtcDateTime), record.Tag);
                minutes[key] = minutes.GetValueOrDefault(key) + (sliceEnd - start).TotalMinutes;
                if (!people.TryGetValue(key, out var ids))
                {
                    people[key] = ids = new HashSet<string>(StringComparer.Ordinal);
                }

                ids.Add(record.ParticipantId);
                start = sliceEnd;
            }
        }

        return minutes
            .Select(kv => new UsageRow(kv.Key.Day, kv.Key.Tag, Math.Round(kv.Value, 2), people[kv.Key].Count))
            .OrderBy(r => r.Day)
            .ThenBy(r => r.Tag, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The report as CSV (RFC 4180): header, one line per row, invariant culture.</summary>
    public static string ToCsv(IEnumerable<UsageRow> rows)
    {
        var csv = new StringBuilder("day,tag,participant_minutes,participants\r\n");
        foreach (var row in rows)
        {
            csv.Append(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(row.Tag)).Append(',')
                .Append(row.ParticipantMinutes.ToString("0.##", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Participants.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string value)
    {
        // A tag is free text from the API: quote it when it could break the line, and defuse spreadsheet formulas.
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
