using System.Globalization;

namespace ContactCenter.Web.Components.Shared;

/// <summary>Clock texts for timers and waiting times.</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes:00}:{span.Seconds:00}");
    }

    public static string Since(DateTimeOffset start, DateTimeOffset now) => Format(now - start);
}
