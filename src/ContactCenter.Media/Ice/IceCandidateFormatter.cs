using System.Globalization;
using System.Net;

namespace ContactCenter.Media.Ice;

/// <summary>Writes our host candidates (RFC 8839 §5.1): one per announced address, all on the media port.</summary>
internal static class IceCandidateFormatter
{
    /// <summary>
    /// Type preference 126 (host), local preference 65535, component 1: (2^24)*126 + (2^8)*65535 + 255
    /// (RFC 8445 §5.1.2.1).
    /// </summary>
    public const uint HostPriority = 2130706431;

    /// <summary>The first (or only) host candidate.</summary>
    public static string Host(IPEndPoint endPoint) => Host(endPoint, 0);

    /// <summary>
    /// The host candidate of the <paramref name="index"/>-th announced address: foundation index+1 (each address
    /// is its own base, RFC 8445 §5.1.1.3) and local preference 65535-index, so that the browser's priorities
    /// follow the configured order (RFC 8445 §5.1.2.1: distinct local preferences per candidate).
    /// </summary>
    public static string Host(IPEndPoint endPoint, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 255);
        uint priority = HostPriority - ((uint)index << 8);
        var address = endPoint.Address;
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            address = new IPAddress(address.GetAddressBytes()); // no "%scope" in SDP
        }

        return string.Create(CultureInfo.InvariantCulture, $"{index + 1} 1 udp {priority} {address} {endPoint.Port} typ host");
    }

    /// <summary>The candidate lines for every announced address, in order.</summary>
    public static IReadOnlyList<string> Hosts(IReadOnlyList<IPEndPoint> endPoints)
    {
        var lines = new string[endPoints.Count];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = Host(endPoints[i], i);
        }

        return lines;
    }
}
