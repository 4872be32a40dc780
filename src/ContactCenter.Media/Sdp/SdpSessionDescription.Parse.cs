using System.Globalization;
using System.Text;

namespace ContactCenter.Media.Sdp;

public sealed partial class SdpSessionDescription
{
    /// <summary>Parses SDP text; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static SdpSessionDescription Parse(string text)
    {
        if (!TryParse(text, out var description, out var error))
        {
            throw new FormatException(error);
        }

        return description!;
    }

    /// <summary>
    /// Parses SDP text (RFC 8866 §5). Lines end in CRLF or LF. Requires v=0 first, then o= and s=, and
    /// well-formed m= lines; other line types are kept as they are.
    /// </summary>
    public static bool TryParse(string? text, out SdpSessionDescription? description, out string? error)
    {
        description = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "The SDP is empty.";
            return false;
        }

        var result = new SdpSessionDescription();
        SdpMediaDescription? current = null;
        int number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length == 0)
            {
                continue; // a trailing newline, or a blank line some stacks write
            }

            if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
            {
                error = $"Line {number} is not '<type>=<value>'.";
                return false;
            }

            char type = line[0];
            string value = line.Substring(2);
            if (result.Lines.Count == 0 && current is null && type != 'v')
            {
                error = "The SDP must start with v=.";
                return false;
            }

            if (type == 'v' && value != "0")
            {
                error = $"Line {number}: unsupported version '{value}'.";
                return false;
            }

            switch (type)
            {
                case 'm':
                    if (!TryParseMediaLine(value, out current))
                    {
                        error = $"Line {number}: malformed m= line.";
                        return false;
                    }

                    result.Media.Add(current!);
                    break;
                case 'a':
                    if (value.Length == 0)
                    {
                        error = $"Line {number}: empty attribute.";
                        return false;
                    }

                    (current?.Attributes ?? result.Attributes).Add(SdpAttribute.Parse(value));
                    break;
                default:
                    if (current is null)
                    {
                        result.Lines.Add(new SdpLine(type, value));
                    }
                    else
                    {
                        current.Lines.Add(new SdpLine(type, value));
                    }

                    break;
            }
        }

        if (result.Line('o') is null || result.Line('s') is null)
        {
            error = "The SDP needs o= and s= lines.";
            return false;
        }

        description = result;
        return true;
    }

    /// <summary>Writes the description with CRLF line ends (RFC 8866 §5), in the order it holds.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(2048);
        foreach (var line in Lines)
        {
            builder.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
        }

        AppendAttributes(builder, Attributes);
        foreach (var media in Media)
        {
            builder.Append("m=").Append(media.Media).Append(' ')
                .Append(media.Port.ToString(CultureInfo.InvariantCulture));
            if (media.PortCount is { } count)
            {
                builder.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
            }

            builder.Append(' ').Append(media.Protocol);
            foreach (var format in media.Formats)
            {
                builder.Append(' ').Append(format);
            }

            builder.Append("\r\n");
            foreach (var line in media.Lines)
            {
                builder.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
            }

            AppendAttributes(builder, media.Attributes);
        }

        return builder.ToString();
    }

    private static void AppendAttributes(StringBuilder builder, List<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            builder.Append("a=").Append(attribute.Name);
            if (attribute.Value is not null)
            {
                builder.Append(':').Append(attribute.Value);
            }

            builder.Append("\r\n");
        }
    }

    // RFC 8866 §5.14: m=<media> <port>[/<number of ports>] <proto> <fmt> ...
    private static bool TryParseMediaLine(string value, out SdpMediaDescription? media)
    {
        media = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0].Length == 0)
        {
            return false;
        }

        var portText = parts[1];
        int? count = null;
        int slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int c))
            {
                return false;
            }

            count = c;
            portText = portText.Substring(0, slash);
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            return false;
        }

        media = new SdpMediaDescription(parts[0], port, parts[2], parts[3..]) { PortCount = count };
        return true;
    }
}
