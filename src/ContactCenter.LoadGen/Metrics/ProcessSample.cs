using System.Globalization;

namespace ContactCenter.LoadGen.Metrics;

/// <summary>
/// CPU seconds (utime + stime from <c>/proc/PID/stat</c>) and resident memory (VmRSS from <c>/proc/PID/status</c>)
/// of the server under test, read at the start and end of the measured window so setup is not counted.
/// </summary>
internal readonly record struct ProcessSample(double CpuSeconds, double RssMegabytes)
{
    /// <summary>USER_HZ: 100 on every Linux ABI .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100.0;

    public static ProcessSample? TryRead(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return Parse(stat, File.ReadAllLines($"/proc/{pid}/status"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (proc(5)).</summary>
    internal static ProcessSample? Parse(string stat, IEnumerable<string> status)
    {
        int close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        string[] fields = stat[(close + 2)..].Split(' ');
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out long utime)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out long stime))
        {
            return null;
        }

        double rss = 0;
        foreach (string line in status)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kb))
                {
                    rss = kb / 1024.0;
                }
            }
        }

        return new ProcessSample((utime + stime) / ClockTicksPerSecond, rss);
    }
}
