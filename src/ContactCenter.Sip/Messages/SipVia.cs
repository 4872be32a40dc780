using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// One Via value (RFC 3261 §20.42): <c>SIP/2.0/UDP host[:port];branch=...;received=...;rport[=n]</c>.
/// </summary>
public sealed record SipVia(string Transport, string Host, int? Port, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    /// <summary>The magic cookie that marks an RFC 3261 branch (§8.1.1.7).</summary>
    public const string BranchCookie = "z9hG4bK";

    public string? Branch => Get("branch");
    public string? Received => Get("received");
    public bool HasRport => Parameters.Any(p => p.Key == "rport");

    /// <summary>sent-by as written, used in transaction matching (RFC 3261 §17.2.3).</summary>
    public string SentBy => Port is int p ? string.Create(CultureInfo.InvariantCulture, $"{Host}:{p}") : Host;

    public string? Get(string name)
    {
        foreach (var p in Parameters)
        {
            if (p.Key == name)
            {
                return p.Value;
            }
        }
        return null;
    }

    /// <summary>Returns a copy with received and (when requested by the client) rport filled in (RFC 3581 §4).</summary>
    public SipVia WithReceived(string address, int port)
    {
        var list = new List<KeyValuePair<string, string?>>();
        foreach (var p in Parameters)
        {
            if (p.Key is "received")
            {
                continue;
            }
            list.Add(p.Key == "rport" ? new("rport", port.ToString(CultureInfo.InvariantCulture)) : p);
        }
        list.Add(new("received", address));
        return this with { Parameters = list };
    }

    public static bool TryParse(string? value, out SipVia via)
    {
        via = null!;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var text = value.AsSpan().Trim();
        // sent-protocol = "SIP" / "2.0" / transport, with optional LWS around the slashes.
        var parts = new string[3];
        for (var i = 0; i < 3; i++)
        {
            text = text.TrimStart();
            var end = i < 2 ? text.IndexOf('/') : IndexOfWhitespace(text);
            if (end <= 0)
            {
                return false;
            }
            parts[i] = text[..end].Trim().ToString();
            text = text[(end + (i < 2 ? 1 : 0))..];
        }
        if (!parts[0].Equals("SIP", StringComparison.OrdinalIgnoreCase) || parts[1] != "2.0")
        {
            return false;
        }
        text = text.Trim();
        var semi = text.IndexOf(';');
        var sentBy = (semi < 0 ? text : text[..semi]).Trim();
        var parameters = semi < 0 ? [] : SipParameters.Parse(text[(semi + 1)..]);
        if (!SipUri.TrySplitHostPort(sentBy, out var host, out var port))
        {
            return false;
        }
        via = new SipVia(parts[2].ToUpperInvariant(), host, port, parameters);
        return true;
    }

    private static int IndexOfWhitespace(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is ' ' or '\t')
            {
                return i;
            }
        }
        return -1;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(SentBy);
        SipParameters.Append(sb, Parameters);
        return sb.ToString();
    }
}
