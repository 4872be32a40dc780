namespace ContactCenter.Media.Sdp;

/// <summary>
/// One media section (RFC 8866 §5.14): the <c>m=</c> line, its other lines and its attributes, in order.
/// Typed accessors read the common WebRTC attributes (RFC 8829 §5); everything else stays as written.
/// </summary>
public sealed class SdpMediaDescription
{
    public SdpMediaDescription(string media, int port, string protocol, IEnumerable<string> formats)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
        Formats = [.. formats];
    }

    /// <summary><c>audio</c>, <c>video</c>, <c>application</c>, ...</summary>
    public string Media { get; set; }

    /// <summary>0 rejects the section (RFC 3264 §6).</summary>
    public int Port { get; set; }

    /// <summary>Some offers write <c>m=audio 9/2 ...</c>; the count is kept here.</summary>
    public int? PortCount { get; set; }

    public string Protocol { get; set; }

    /// <summary>Payload types (or <c>webrtc-datachannel</c>) in preference order.</summary>
    public List<string> Formats { get; }

    /// <summary>Non-attribute lines after <c>m=</c> (c=, b=, i=, k=), in order.</summary>
    public List<SdpLine> Lines { get; } = [];

    public List<SdpAttribute> Attributes { get; } = [];

    public string? Mid => SdpAttributes.Get(Attributes, "mid");

    /// <summary><c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c> or <c>inactive</c>; sendrecv when absent (RFC 3264 §5.1).</summary>
    public string Direction
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Value is null && SdpDirection.IsDirection(attribute.Name))
                {
                    return attribute.Name;
                }
            }

            return SdpDirection.SendRecv;
        }
    }

    public bool IsRejected => Port == 0;

    public string? Get(string name) => SdpAttributes.Get(Attributes, name);

    public IEnumerable<string> GetAll(string name) => SdpAttributes.GetAll(Attributes, name);

    public bool Has(string name) => SdpAttributes.Has(Attributes, name);

    /// <summary><c>a=rtpmap</c> entries (RFC 8866 §6.6).</summary>
    public IEnumerable<SdpRtpMap> RtpMaps()
    {
        foreach (var value in GetAll("rtpmap"))
        {
            if (SdpRtpMap.TryParse(value, out var map))
            {
                yield return map!;
            }
        }
    }

    /// <summary>The <c>a=fmtp</c> parameters of one payload type, or null.</summary>
    public string? Fmtp(int payloadType) => ValueForPayloadType("fmtp", payloadType)?.FirstOrDefault();

    /// <summary>The <c>a=rtcp-fb</c> values of one payload type (RFC 4585 §4.2), without the type.</summary>
    public IEnumerable<string> RtcpFeedback(int payloadType) => ValueForPayloadType("rtcp-fb", payloadType) ?? [];

    /// <summary><c>a=ssrc:&lt;id&gt; &lt;attribute&gt;</c> lines (RFC 5576 §4.1): distinct SSRCs in order.</summary>
    public IReadOnlyList<uint> Ssrcs()
    {
        var result = new List<uint>();
        foreach (var value in GetAll("ssrc"))
        {
            int space = value.IndexOf(' ', StringComparison.Ordinal);
            var id = space < 0 ? value : value.Substring(0, space);
            if (uint.TryParse(id, out uint ssrc) && !result.Contains(ssrc))
            {
                result.Add(ssrc);
            }
        }

        return result;
    }

    /// <summary><c>a=extmap</c> entries (RFC 8285 §5).</summary>
    public IEnumerable<SdpExtMap> ExtMaps()
    {
        foreach (var value in GetAll("extmap"))
        {
            if (SdpExtMap.TryParse(value, out var map))
            {
                yield return map!;
            }
        }
    }

    private List<string>? ValueForPayloadType(string name, int payloadType)
    {
        List<string>? result = null;
        string prefix = payloadType.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var value in GetAll(name))
        {
            if (value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.Ordinal) && value[prefix.Length] == ' ')
            {
                (result ??= []).Add(value.Substring(prefix.Length + 1));
            }
        }

        return result;
    }
}
