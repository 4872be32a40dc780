using System.Globalization;
using System.Net;

namespace ContactCenter.Sip.Sdp;

/// <summary>
/// The parts of a phone's SDP offer we need: the first audio m-line, its connection address, the
/// payload types in preference order with their rtpmaps, rtcp-mux and the direction (RFC 4566).
/// </summary>
public sealed record SdpAudioOffer(
    IPAddress? ConnectionAddress,
    int Port,
    string Protocol,
    IReadOnlyList<int> PayloadTypes,
    IReadOnlyDictionary<int, string> RtpMaps,
    bool RtcpMux,
    MediaDirection Direction)
{
    /// <summary>Reads the offer; false when there is no usable audio m-line. Never throws.</summary>
    public static bool TryParse(string? sdp, out SdpAudioOffer offer)
    {
        offer = null!;
        if (string.IsNullOrEmpty(sdp))
        {
            return false;
        }
        IPAddress? sessionAddress = null;
        IPAddress? mediaAddress = null;
        var sessionDirection = MediaDirection.SendRecv;
        MediaDirection? mediaDirection = null;
        var inAudio = false;
        var seenAudio = false;
        var port = 0;
        var protocol = "";
        var payloadTypes = new List<int>();
        var rtpMaps = new Dictionary<int, string>();
        var rtcpMux = false;
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 2 || line[1] != '=')
            {
                continue;
            }
            var value = line[2..];
            switch (line[0])
            {
                case 'm':
                    if (seenAudio)
                    {
                        inAudio = false;
                        break;
                    }
                    var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    inAudio = fields.Length >= 4 && fields[0] == "audio";
                    if (inAudio)
                    {
                        seenAudio = true;
                        var portText = fields[1].Split('/')[0];
                        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                        {
                            return false;
                        }
                        protocol = fields[2];
                        for (var i = 3; i < fields.Length; i++)
                        {
                            if (int.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt < 128)
                            {
                                payloadTypes.Add(pt);
                            }
                        }
                    }
                    break;
                case 'c':
                    var address = ParseConnection(value);
                    if (inAudio)
                    {
                        mediaAddress = address;
                    }
                    else if (!seenAudio)
                    {
                        sessionAddress = address;
                    }
                    break;
                case 'a':
                    if (seenAudio && !inAudio)
                    {
                        break;
                    }
                    var direction = value switch
                    {
                        "sendrecv" => MediaDirection.SendRecv,
                        "sendonly" => MediaDirection.SendOnly,
                        "recvonly" => MediaDirection.RecvOnly,
                        "inactive" => MediaDirection.Inactive,
                        _ => (MediaDirection?)null,
                    };
                    if (direction is { } d)
                    {
                        if (inAudio)
                        {
                            mediaDirection = d;
                        }
                        else
                        {
                            sessionDirection = d;
                        }
                    }
                    else if (inAudio && value == "rtcp-mux")
                    {
                        rtcpMux = true;
                    }
                    else if (inAudio && value.StartsWith("rtpmap:", StringComparison.Ordinal))
                    {
                        var space = value.IndexOf(' ', StringComparison.Ordinal);
                        if (space > 7 && int.TryParse(value.AsSpan(7, space - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
                        {
                            rtpMaps[pt] = value[(space + 1)..].Trim();
                        }
                    }
                    break;
            }
        }
        if (!seenAudio)
        {
            return false;
        }
        var connection = mediaAddress ?? sessionAddress;
        // RFC 3264 §8.4 (old style hold): c=0.0.0.0 means inactive.
        var dir = mediaDirection ?? sessionDirection;
        if (connection is not null && connection.Equals(IPAddress.Any) && dir == MediaDirection.SendRecv)
        {
            dir = MediaDirection.Inactive;
        }
        offer = new SdpAudioOffer(connection, port, protocol, payloadTypes, rtpMaps, rtcpMux, dir);
        return true;
    }

    private static IPAddress? ParseConnection(string value)
    {
        // c=IN IP4 192.0.2.1[/ttl]
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] != "IN")
        {
            return null;
        }
        return IPAddress.TryParse(parts[2].Split('/')[0], out var address) ? address : null;
    }
}
