using System.Globalization;

namespace ContactCenter.Media.Sdp;

/// <summary><c>a=extmap:&lt;id&gt;[/&lt;direction&gt;] &lt;uri&gt; [&lt;attributes&gt;]</c> (RFC 8285 §5).</summary>
public sealed record SdpExtMap(int Id, string? Direction, string Uri, string? ExtensionAttributes)
{
    public const string MidUri = "urn:ietf:params:rtp-hdrext:sdes:mid";

    public static bool TryParse(string value, out SdpExtMap? map)
    {
        map = null;
        var parts = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return false;
        }

        var idPart = parts[0];
        string? direction = null;
        int slash = idPart.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            direction = idPart.Substring(slash + 1);
            idPart = idPart.Substring(0, slash);
        }

        if (!int.TryParse(idPart, NumberStyles.None, CultureInfo.InvariantCulture, out int id) || id is < 1 or > 255)
        {
            return false;
        }

        map = new SdpExtMap(id, direction, parts[1], parts.Length == 3 ? parts[2] : null);
        return true;
    }

    public override string ToString() =>
        Id.ToString(CultureInfo.InvariantCulture) + (Direction is null ? string.Empty : "/" + Direction) + " " + Uri
        + (ExtensionAttributes is null ? string.Empty : " " + ExtensionAttributes);
}
