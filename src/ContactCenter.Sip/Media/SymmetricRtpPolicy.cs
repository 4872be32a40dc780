using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Media;

/// <summary>Decides, once per call, whether an <see cref="RtpLeg"/> latches onto the phone's real RTP source.</summary>
public static class SymmetricRtpPolicy
{
    /// <summary>
    /// Whether to latch: <paramref name="sdpMedia"/> is the SDP's media address (null for a late offer),
    /// <paramref name="signalingSource"/> where the INVITE came from.
    /// </summary>
    public static bool Latches(SymmetricRtpMode mode, IPAddress? sdpMedia, IPAddress signalingSource) => mode switch
    {
        SymmetricRtpMode.On => true,
        SymmetricRtpMode.Off => false,
        _ => sdpMedia is null || !Normalize(sdpMedia).Equals(Normalize(signalingSource)) || LooksNatted(sdpMedia),
    };

    /// <summary>RFC 1918, RFC 6598 shared, link-local, IPv6 ULA/link-local, or unspecified.</summary>
    public static bool LooksNatted(IPAddress address)
    {
        address = Normalize(address);
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal;
        }

        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || (b[0] == 169 && b[1] == 254);
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
