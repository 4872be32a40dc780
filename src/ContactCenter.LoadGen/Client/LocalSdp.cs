using System.Globalization;
using System.Text;
using ContactCenter.Media.Sdp;

namespace ContactCenter.LoadGen.Client;

/// <summary>Writes the client's SDP: a publish offer (Opus, VP8) or an answer to a subscribe offer.</summary>
internal static class LocalSdp
{
    public const int OpusPayloadType = 111;
    public const int Vp8PayloadType = 96;

    /// <summary>One m-line per stream: audio "0" (and video "1"), sendonly, with our SSRCs.</summary>
    public static string PublishOffer(ClientPeer peer, uint audioSsrc, uint? videoSsrc)
    {
        var text = new StringBuilder();
        Header(text, videoSsrc is null ? "0" : "0 1");
        text.Append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n");
        Transport(text, peer, "actpass");
        text.Append("a=mid:0\r\na=sendonly\r\na=msid:lg a0\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n")
            .Append("a=fmtp:111 minptime=10;useinbandfec=1\r\n")
            .Append(CultureInfo.InvariantCulture, $"a=ssrc:{audioSsrc} cname:lg\r\n");
        if (videoSsrc is { } video)
        {
            text.Append("m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n");
            Transport(text, peer, "actpass");
            text.Append("a=mid:1\r\na=sendonly\r\na=msid:lg v0\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n")
                .Append("a=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n")
                .Append(CultureInfo.InvariantCulture, $"a=ssrc:{video} cname:lg\r\n");
        }

        return text.ToString();
    }

    /// <summary>Accepts every m-line of the offer receive-only, keeping its formats; we are the DTLS client.</summary>
    public static string Answer(ClientPeer peer, string offer)
    {
        var parsed = SdpSessionDescription.Parse(offer);
        var text = new StringBuilder();
        Header(text, string.Join(' ', parsed.BundleMids()));
        foreach (var media in parsed.Media)
        {
            int port = media.IsRejected ? 0 : 9;
            text.Append(CultureInfo.InvariantCulture, $"m={media.Media} {port} {media.Protocol} {string.Join(' ', media.Formats)}\r\n")
                .Append("c=IN IP4 0.0.0.0\r\n");
            Transport(text, peer, "active");
            text.Append(CultureInfo.InvariantCulture, $"a=mid:{media.Mid}\r\n")
                .Append(media.IsRejected ? "a=inactive\r\n" : "a=recvonly\r\n").Append("a=rtcp-mux\r\n");
            foreach (string map in media.GetAll("rtpmap"))
            {
                text.Append("a=rtpmap:").Append(map).Append("\r\n");
            }

            foreach (string fmtp in media.GetAll("fmtp"))
            {
                text.Append("a=fmtp:").Append(fmtp).Append("\r\n");
            }
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, string bundle) =>
        text.Append(CultureInfo.InvariantCulture, $"v=0\r\no=- {Random.Shared.NextInt64(1, long.MaxValue)} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
            .Append("a=group:BUNDLE ").Append(bundle).Append("\r\na=msid-semantic: WMS lg\r\n");

    private static void Transport(StringBuilder text, ClientPeer peer, string setup) =>
        text.Append(CultureInfo.InvariantCulture, $"a=ice-ufrag:{peer.LocalIce.Ufrag}\r\na=ice-pwd:{peer.LocalIce.Password}\r\n")
            .Append(CultureInfo.InvariantCulture, $"a=fingerprint:{peer.Certificate.Fingerprint}\r\na=setup:{setup}\r\n")
            .Append(CultureInfo.InvariantCulture,
                $"a=candidate:1 1 udp 2130706431 {peer.LocalEndPoint.Address} {peer.LocalEndPoint.Port} typ host\r\n")
            .Append("a=end-of-candidates\r\n");
}
