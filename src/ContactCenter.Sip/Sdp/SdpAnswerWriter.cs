using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContactCenter.Sip.Sdp;

/// <summary>
/// Writes the SDP answer for a phone leg (RFC 4566, RFC 3264 §6.1), and our own offer when the phone's
/// INVITE carried none (RFC 3264 §5).
/// </summary>
public static class SdpAnswerWriter
{
    public static string Write(IPAddress address, int port, SdpNegotiation negotiation, MediaDirection direction,
        ulong sessionId, ulong version)
    {
        var ip = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"v=0\r\no=- {sessionId} {version} IN {ip} {address}\r\ns=ContactCenter\r\nc=IN {ip} {address}\r\nt=0 0\r\n");
        sb.Append(inv, $"m=audio {port} RTP/AVP {negotiation.PayloadType}");
        if (negotiation.TelephoneEventPayloadType is int te)
        {
            sb.Append(inv, $" {te}");
        }
        sb.Append("\r\n");
        var name = negotiation.Codec == G711Codec.Pcmu ? "PCMU" : "PCMA";
        sb.Append(inv, $"a=rtpmap:{negotiation.PayloadType} {name}/8000\r\n");
        if (negotiation.TelephoneEventPayloadType is int t)
        {
            sb.Append(inv, $"a=rtpmap:{t} telephone-event/8000\r\na=fmtp:{t} 0-15\r\n");
        }
        sb.Append("a=ptime:20\r\n");
        if (negotiation.RtcpMux)
        {
            sb.Append("a=rtcp-mux\r\n");
        }
        sb.Append("a=").Append(direction switch
        {
            MediaDirection.SendOnly => "sendonly",
            MediaDirection.RecvOnly => "recvonly",
            MediaDirection.Inactive => "inactive",
            _ => "sendrecv",
        }).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>Our offer: PCMU, PCMA and telephone-event 101, sendrecv, 20 ms.</summary>
    public static string WriteOffer(IPAddress address, int port, ulong sessionId, ulong version)
    {
        var ip = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"v=0\r\no=- {sessionId} {version} IN {ip} {address}\r\ns=ContactCenter\r\nc=IN {ip} {address}\r\nt=0 0\r\n");
        sb.Append(inv, $"m=audio {port} RTP/AVP 0 8 {DefaultTelephoneEvent}\r\n");
        sb.Append(inv, $"a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:{DefaultTelephoneEvent} telephone-event/8000\r\n");
        sb.Append(inv, $"a=fmtp:{DefaultTelephoneEvent} 0-15\r\na=ptime:20\r\na=sendrecv\r\n");
        return sb.ToString();
    }

    /// <summary>The dynamic payload type we use for telephone-event when we are the offerer.</summary>
    public const int DefaultTelephoneEvent = 101;
}
