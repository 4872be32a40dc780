using System.Globalization;

namespace ContactCenter.Media.Sdp;

/// <summary><c>a=rtpmap:&lt;pt&gt; &lt;encoding&gt;/&lt;clock&gt;[/&lt;channels&gt;]</c> (RFC 8866 §6.6).</summary>
public sealed record SdpRtpMap(int PayloadType, string Encoding, int ClockRate, int? Channels)
{
    public static bool TryParse(string value, out SdpRtpMap? map)
    {
        map = null;
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || pt > 127)
        {
            return false;
        }

        var parts = value.Substring(space + 1).Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int clock))
        {
            return false;
        }

        int? channels = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                return false;
            }

            channels = count;
        }

        map = new SdpRtpMap(pt, parts[0], clock, channels);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PayloadType} {Encoding}/{ClockRate}{(Channels is { } c ? "/" + c.ToString(CultureInfo.InvariantCulture) : string.Empty)}");
}
