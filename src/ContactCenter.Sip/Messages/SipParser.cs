using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// SIP message parser (RFC 3261 §7, §25). It never throws on bad input: every failure is a
/// <see cref="SipParseResult"/> with status Invalid.
/// </summary>
public static class SipParser
{
    /// <summary>Headers larger than this on a stream are treated as an attack, not as "need more bytes".</summary>
    public const int MaxHeaderBytes = 64 * 1024;
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>UDP: one datagram holds one message (RFC 3261 §18.3).</summary>
    public static SipParseResult ParseDatagram(ReadOnlySpan<byte> datagram) => ParseDatagram(datagram, SipParserLimits.Default);

    /// <summary>
    /// UDP with explicit limits. Of a datagram over <see cref="SipParserLimits.MaxMessageBytes"/> only the header
    /// section is read (when it fits the limit), so that it can be answered 513; the body is never copied.
    /// </summary>
    public static SipParseResult ParseDatagram(ReadOnlySpan<byte> datagram, SipParserLimits limits)
    {
        try
        {
            return Parse(datagram, stream: false, limits);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            return new SipParseResult(SipParseStatus.Invalid, null, datagram.Length, ex.Message);
        }
    }

    /// <summary>TCP: frames the first message of a byte stream by Content-Length (RFC 3261 §18.3).</summary>
    public static SipParseResult ParseStream(ReadOnlySpan<byte> buffer) => ParseStream(buffer, SipParserLimits.Default);

    /// <summary>
    /// TCP with explicit limits. A header section that has not ended within the limit, or a Content-Length that
    /// would take the message over it, is Invalid (with <see cref="SipParseResult.TooLarge"/>), never "incomplete".
    /// </summary>
    public static SipParseResult ParseStream(ReadOnlySpan<byte> buffer, SipParserLimits limits)
    {
        try
        {
            return Parse(buffer, stream: true, limits);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            return new SipParseResult(SipParseStatus.Invalid, null, buffer.Length, ex.Message);
        }
    }

    private static SipParseResult Parse(ReadOnlySpan<byte> data, bool stream, SipParserLimits limits)
    {
        // Leading CRLFs are keep-alives (RFC 5626 §3.5.1) or noise before a start line (RFC 3261 §7.5).
        var skip = 0;
        while (skip < data.Length && data[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++;
        }
        var content = data[skip..];
        if (content.IsEmpty)
        {
            return stream ? new(SipParseStatus.Incomplete, null, skip, null) : Invalid(null, skip, "empty datagram");
        }

        var maxHeader = Math.Min(MaxHeaderBytes, limits.MaxMessageBytes);
        var (headerEnd, separatorLength) = FindHeaderEnd(content.Length > maxHeader + 4 ? content[..(maxHeader + 4)] : content);
        if (headerEnd < 0 || headerEnd > maxHeader)
        {
            if (stream && content.Length < maxHeader)
            {
                return new(SipParseStatus.Incomplete, null, skip, null);
            }
            return new(SipParseStatus.Invalid, null, data.Length, "no end of header section within the size limit") { TooLarge = true };
        }

        var headerText = Encoding.UTF8.GetString(content[..headerEnd]);
        var lines = Unfold(headerText, limits.MaxHeaderCount + 1, out var tooManyHeaders);
        if (lines.Count == 0)
        {
            return Invalid(null, data.Length, "no start line");
        }
        var message = ParseStartLine(lines[0]);
        if (message is null)
        {
            return Invalid(null, skip + headerEnd + separatorLength, "bad start line");
        }

        string? error = tooManyHeaders ? "too many header lines" : null;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : "";
            if (!SipGrammar.IsToken(name))
            {
                error ??= "bad header line";
                continue;
            }
            var canonical = SipHeaderNames.Canonicalize(name);
            var value = line[(colon + 1)..].Trim();
            if (canonical == SipHeaderNames.Via)
            {
                // Several Vias may share one line, separated by commas (RFC 3261 §7.3.1).
                foreach (var v in SipParameters.SplitOutsideQuotes(value, ','))
                {
                    message.AddHeader(canonical, v.Trim());
                }
            }
            else
            {
                message.AddHeader(canonical, value);
            }
        }

        var bodyStart = headerEnd + separatorLength;
        var available = content.Length - bodyStart;
        var lengthText = message.GetHeader(SipHeaderNames.ContentLength);
        int bodyLength;
        if (lengthText is null)
        {
            // On a stream Content-Length is mandatory; its absence is read as 0 (RFC 3261 §18.3, §20.14).
            bodyLength = stream ? 0 : available;
        }
        else if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out bodyLength))
        {
            return Invalid(message, data.Length, "bad Content-Length");
        }
        if (bodyLength > limits.MaxMessageBytes - skip - bodyStart || bodyLength > MaxBodyBytes || (!stream && data.Length > limits.MaxMessageBytes))
        {
            // RFC 3261 §21.5.11: answered 513 Message Too Large; on a stream the connection is closed after it.
            return new(SipParseStatus.Invalid, message, data.Length, "message too large") { TooLarge = true };
        }

        if (bodyLength > available)
        {
            if (stream)
            {
                return new(SipParseStatus.Incomplete, null, skip, null) { Needed = skip + bodyStart + bodyLength };
            }
            // A datagram shorter than its Content-Length was truncated: answer 400 (RFC 3261 §18.3).
            return Invalid(message, data.Length, "body shorter than Content-Length");
        }
        // Extra datagram bytes beyond Content-Length are discarded (RFC 3261 §18.3).
        message.Body = content.Slice(bodyStart, bodyLength).ToArray();
        var consumed = stream ? skip + bodyStart + bodyLength : data.Length;

        error ??= Validate(message);
        return error is null
            ? new(SipParseStatus.Ok, message, consumed, null)
            : Invalid(message, consumed, error);
    }

    private static SipParseResult Invalid(SipMessage? partial, int consumed, string error) =>
        new(SipParseStatus.Invalid, partial, consumed, error);

    /// <summary>Mandatory headers for a request (RFC 3261 §8.1.1) and a CSeq matching the method (§8.2.2).</summary>
    private static string? Validate(SipMessage m)
    {
        if (m.TopVia is null)
        {
            return "missing or bad Via";
        }
        if (string.IsNullOrWhiteSpace(m.CallId))
        {
            return "missing Call-ID";
        }
        if (m.CSeq is not { } cseq)
        {
            return "missing or bad CSeq";
        }
        if (!SipNameAddr.TryParse(m.From, out _) || !SipNameAddr.TryParse(m.To, out _))
        {
            return "missing or bad From/To";
        }
        if (m.IsRequest && !string.Equals(cseq.Method, m.Method, StringComparison.Ordinal))
        {
            return "CSeq method does not match the request method";
        }
        var maxForwards = m.GetHeader(SipHeaderNames.MaxForwards);
        if (maxForwards is not null && !int.TryParse(maxForwards, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return "bad Max-Forwards";
        }
        return null;
    }

    private static (int Index, int SeparatorLength) FindHeaderEnd(ReadOnlySpan<byte> content)
    {
        var crlf = content.IndexOf("\r\n\r\n"u8);
        var lf = content.IndexOf("\n\n"u8);
        // Bare LF line ends are tolerated (robustness, RFC 3261 §7 allows implementations to accept them).
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            return (crlf, 4);
        }
        return lf >= 0 ? (lf, 2) : (-1, 0);
    }

    /// <summary>
    /// Splits lines and joins folded continuations into one line (RFC 3261 §7.3.1). A folded line grows in one
    /// builder, so the work stays linear in the header size however many continuations there are. At most
    /// <paramref name="maxLines"/> lines are kept; <paramref name="truncated"/> says there were more.
    /// </summary>
    private static List<string> Unfold(string text, int maxLines, out bool truncated)
    {
        var lines = new List<string>();
        StringBuilder? folded = null;
        truncated = false;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            var line = text.AsSpan(start, end - start);
            start = end + 1;
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }
            if (line.Length > 0 && line[0] is ' ' or '\t' && lines.Count > 1)
            {
                folded ??= new StringBuilder(lines[^1]);
                while (folded.Length > 0 && char.IsWhiteSpace(folded[^1]))
                {
                    folded.Length--;
                }
                folded.Append(' ').Append(line.Trim());
                continue;
            }
            if (folded is not null)
            {
                lines[^1] = folded.ToString();
                folded = null;
            }
            if (lines.Count == maxLines)
            {
                truncated = true;
                return lines;
            }
            lines.Add(line.ToString());
        }
        if (folded is not null)
        {
            lines[^1] = folded.ToString();
        }
        return lines;
    }

    private static SipMessage? ParseStartLine(string line)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 2)
        {
            return null;
        }
        if (parts[0] == "SIP/2.0")
        {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (RFC 3261 §7.2).
            if (parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || code < 100 || code > 699)
            {
                return null;
            }
            return SipMessage.CreateResponse(code, parts.Length > 2 ? parts[2] : "");
        }
        // Request-Line = Method SP Request-URI SP SIP-Version (RFC 3261 §7.1).
        if (parts.Length != 3 || parts[2] != "SIP/2.0" || !SipGrammar.IsToken(parts[0]) || parts[1].Length == 0
            || !parts[1].Contains(':', StringComparison.Ordinal))
        {
            return null;
        }
        return SipMessage.CreateRequest(parts[0], parts[1]);
    }
}
