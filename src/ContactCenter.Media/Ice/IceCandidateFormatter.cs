using System.Globalization;
using System.Net;

namespace ContactCenter.Media.Ice;

/// <summary>Writes our one host candidate (RFC 8839 §5.1).</summary>
internal static class IceCandidateFormatter
{
    /// <summary>
    /// Type preference 126 (host), local preference 65535, component 1: (2^24)*126 + (2^8)*65535 + 255
    /// (RFC 8445 §5.1.2.1).
    /// </summary>
    public const uint HostPriority = 2130706431;

    public static string Host(IPEndPoint endPoint) => string.Create(CultureInfo.InvariantCulture,
        $"1 1 udp {HostPriority} {endPoint.Address} {endPoint.Port} typ host");
}
