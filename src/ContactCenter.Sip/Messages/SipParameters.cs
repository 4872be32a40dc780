using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>Helpers for <c>;name=value</c> parameter lists (RFC 3261 §25.1 generic-param).</summary>
internal static class SipParameters
{
    /// <summary>Parses <c>;a=1;b;c="x"</c> into ordered pairs; a missing value is null. Names are lower-cased.</summary>
    public static List<KeyValuePair<string, string?>> Parse(ReadOnlySpan<char> text)
    {
        var result = new List<KeyValuePair<string, string?>>();
        foreach (var part in SplitOutsideQuotes(text, ';'))
        {
            var p = part.Trim();
            if (p.Length == 0)
            {
                continue;
            }
            var eq = p.IndexOf('=');
            if (eq < 0)
            {
                result.Add(new(p.ToLowerInvariant(), null));
            }
            else
            {
                var value = p[(eq + 1)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                {
                    value = value[1..^1];
                }
                result.Add(new(p[..eq].Trim().ToLowerInvariant(), value));
            }
        }
        return result;
    }

    public static void Append(StringBuilder sb, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            sb.Append(';').Append(name);
            if (value is not null)
            {
                sb.Append('=').Append(value);
            }
        }
    }

    /// <summary>Splits on a separator that is outside double quotes and angle brackets.</summary>
    public static List<string> SplitOutsideQuotes(ReadOnlySpan<char> text, char separator)
    {
        var parts = new List<string>();
        var inQuotes = false;
        var angle = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && inQuotes)
            {
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '<')
            {
                angle++;
            }
            else if (!inQuotes && c == '>' && angle > 0)
            {
                angle--;
            }
            else if (!inQuotes && angle == 0 && c == separator)
            {
                parts.Add(text[start..i].ToString());
                start = i + 1;
            }
        }
        parts.Add(text[start..].ToString());
        return parts;
    }
}
