using System.Globalization;

namespace ContactCenter.Sip.Messages;

/// <summary>Minimal SIP-URI reading (RFC 3261 §19.1): scheme, user, host, port, parameters.</summary>
public sealed record SipUri(string Scheme, string? User, string Host, int? Port, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    public static bool TryParse(string? text, out SipUri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.AsSpan().Trim();
        var colon = s.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        var scheme = s[..colon].ToString().ToLowerInvariant();
        if (scheme is not ("sip" or "sips" or "tel"))
        {
            return false;
        }
        var rest = s[(colon + 1)..];
        var headersAt = rest.IndexOf('?');
        if (headersAt >= 0)
        {
            rest = rest[..headersAt];
        }
        if (scheme == "tel")
        {
            var telSemi = rest.IndexOf(';');
            uri = new SipUri(scheme, (telSemi < 0 ? rest : rest[..telSemi]).ToString(), "", null, []);
            return rest.Length > 0;
        }
        string? user = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            user = rest[..at].ToString();
            rest = rest[(at + 1)..];
        }
        var semi = rest.IndexOf(';');
        var hostPort = semi < 0 ? rest : rest[..semi];
        var parameters = semi < 0 ? [] : SipParameters.Parse(rest[(semi + 1)..]);
        if (!TrySplitHostPort(hostPort, out var host, out var port))
        {
            return false;
        }
        uri = new SipUri(scheme, user, host, port, parameters);
        return true;
    }

    /// <summary>Splits <c>host[:port]</c>, with IPv6 references in brackets (RFC 3261 §25.1 hostport).</summary>
    internal static bool TrySplitHostPort(ReadOnlySpan<char> text, out string host, out int? port)
    {
        host = "";
        port = null;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }
        ReadOnlySpan<char> portText = default;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }
            host = text[..(close + 1)].ToString();
            var after = text[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return false;
                }
                portText = after[1..];
            }
        }
        else
        {
            var colon = text.IndexOf(':');
            host = (colon < 0 ? text : text[..colon]).ToString();
            if (colon >= 0)
            {
                portText = text[(colon + 1)..];
            }
        }
        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']' or '_'))
            {
                return false;
            }
        }
        if (host.Length == 0)
        {
            return false;
        }
        if (!portText.IsEmpty || text.EndsWith(":"))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                return false;
            }
            port = p;
        }
        return true;
    }
}
