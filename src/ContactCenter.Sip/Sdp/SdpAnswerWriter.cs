using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContactCenter.Sip.Sdp;

/// <summary>Writes the SDP answer for a phone leg (RFC 4566, RFC 3264 §6.1).</summary>
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
}
