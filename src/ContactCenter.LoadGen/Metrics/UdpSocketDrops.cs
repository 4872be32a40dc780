using System.Globalization;

namespace ContactCenter.LoadGen.Metrics;

/// <summary>
/// Datagrams the kernel dropped on our UDP sockets of one port because their receive buffers were full: the last
/// column of their lines in <c>/proc/net/udp</c>, summed over every socket bound to that port (SO_REUSEPORT
/// groups share one), whatever its address. Linux only; null elsewhere. Tells loss in our receive path from loss
/// in the server.
/// </summary>
internal static class UdpSocketDrops
{
    /// <summary>The drops of every socket on <paramref name="local"/>'s port (its address does not narrow it).</summary>
    public static long? TryRead(System.Net.IPEndPoint local) => TryRead(local.Port);

    public static long? TryRead(int port)
    {
        try
        {
            return Parse(File.ReadLines("/proc/net/udp"), port);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>local_address is the IPv4 address as a little-endian hex word, a colon, and the port in hex.</summary>
    internal static long? Parse(IEnumerable<string> lines, int port)
    {
        string suffix = string.Create(CultureInfo.InvariantCulture, $":{port:X4}");
        long? total = null;
        foreach (string line in lines)
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 2 && fields[1].EndsWith(suffix, StringComparison.Ordinal)
                && long.TryParse(fields[^1], NumberStyles.None, CultureInfo.InvariantCulture, out long drops))
            {
                total = (total ?? 0) + drops;
            }
        }

        return total;
    }
}
