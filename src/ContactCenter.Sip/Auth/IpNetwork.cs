using System.Globalization;
using System.Net;

namespace ContactCenter.Sip.Auth;

/// <summary>An address or CIDR block from trunk configuration.</summary>
internal readonly record struct IpNetwork(IPAddress Prefix, int Bits)
{
    public static bool TryParse(string text, out IpNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText.Trim(), out var address))
        {
            return false;
        }
        var max = address.GetAddressBytes().Length * 8;
        var bits = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out bits) || bits > max))
        {
            return false;
        }
        network = new IpNetwork(address, bits);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var a = Prefix.GetAddressBytes();
        var b = address.GetAddressBytes();
        if (a.Length != b.Length)
        {
            return false;
        }
        var bits = Bits;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (b[i] & mask))
            {
                return false;
            }
        }
        return true;
    }
}
