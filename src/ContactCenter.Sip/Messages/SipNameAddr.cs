namespace ContactCenter.Sip.Messages;

/// <summary>
/// From/To/Contact value (RFC 3261 §20.10, §20.20, §20.39): <c>"Display" &lt;uri&gt;;tag=x</c> or the bare
/// addr-spec form, where parameters after the URI belong to the header, not the URI (§20.10).
/// </summary>
public sealed record SipNameAddr(string? DisplayName, string Uri, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    public string? Tag
    {
        get
        {
            foreach (var p in Parameters)
            {
                if (p.Key == "tag")
                {
                    return p.Value;
                }
            }
            return null;
        }
    }

    public static bool TryParse(string? value, out SipNameAddr result)
    {
        result = null!;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var s = value.AsSpan().Trim();
        string? display = null;
        string uri;
        ReadOnlySpan<char> rest;
        var lt = IndexOfUnquoted(s, '<');
        if (lt >= 0)
        {
            var gt = s[lt..].IndexOf('>');
            if (gt < 0)
            {
                return false;
            }
            var d = s[..lt].Trim();
            if (d.Length >= 2 && d[0] == '"' && d[^1] == '"')
            {
                d = d[1..^1];
            }
            display = d.Length == 0 ? null : d.ToString();
            uri = s[(lt + 1)..(lt + gt)].Trim().ToString();
            rest = s[(lt + gt + 1)..];
        }
        else
        {
            // addr-spec: any ';' ends the URI; the rest are header parameters (RFC 3261 §20.10).
            var semi = s.IndexOf(';');
            uri = (semi < 0 ? s : s[..semi]).Trim().ToString();
            rest = semi < 0 ? [] : s[semi..];
            if (uri.Contains(' ', StringComparison.Ordinal))
            {
                return false;
            }
        }
        if (uri.Length == 0 || (uri != "*" && !uri.Contains(':', StringComparison.Ordinal)))
        {
            return false;
        }
        rest = rest.Trim();
        if (rest.Length > 0 && rest[0] != ';')
        {
            return false;
        }
        result = new SipNameAddr(display, uri, rest.Length == 0 ? [] : SipParameters.Parse(rest[1..]));
        return true;
    }

    private static int IndexOfUnquoted(ReadOnlySpan<char> s, char c)
    {
        var inQuotes = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && inQuotes)
            {
                i++;
            }
            else if (s[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && s[i] == c)
            {
                return i;
            }
        }
        return -1;
    }
}
