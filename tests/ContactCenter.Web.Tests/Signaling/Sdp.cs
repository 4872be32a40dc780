namespace ContactCenter.Web.Tests.Signaling;

/// <summary>Browser-like SDP for the hub tests (Chromium's shape: BUNDLE, rtcp-mux, mid extension, sendonly).</summary>
internal static class Sdp
{
    private const string Fingerprint =
        "sha-256 0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9";

    public static string PublishOffer() =>
        "v=0\r\no=- 42 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\na=msid-semantic: WMS s\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n" + Transport() + "a=mid:0\r\n"
        + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendonly\r\na=msid:s a\r\na=rtcp-mux\r\n"
        + "a=rtpmap:111 opus/48000/2\r\na=ssrc:1111 cname:c\r\n"
        + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n" + Transport() + "a=mid:1\r\n"
        + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendonly\r\na=msid:s v\r\na=rtcp-mux\r\n"
        + "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack pli\r\na=ssrc:2222 cname:c\r\n";

    /// <summary>An answer to a server offer: one recvonly m-line per offered one, plus <paramref name="extraLines"/> more.</summary>
    public static string AnswerTo(string offer, int extraLines = 0)
    {
        var parsed = ContactCenter.Media.Sdp.SdpSessionDescription.Parse(offer);
        var text = "v=0\r\no=- 43 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
        foreach (var media in parsed.Media)
        {
            text += Line(media.Media, string.Join(' ', media.Formats), media.Mid!, media.GetAll("rtpmap"));
        }

        for (int i = 0; i < extraLines; i++)
        {
            text += Line("audio", "111", "x" + i, ["111 opus/48000/2"]) + "a=ssrc:9999 cname:evil\r\n";
        }

        return text;
    }

    private static string Line(string kind, string formats, string mid, IEnumerable<string> maps)
    {
        var text = $"m={kind} 9 UDP/TLS/RTP/SAVPF {formats}\r\nc=IN IP4 0.0.0.0\r\n" + Transport("active") + $"a=mid:{mid}\r\na=recvonly\r\na=rtcp-mux\r\n";
        foreach (var map in maps)
        {
            text += "a=rtpmap:" + map + "\r\n";
        }

        return text;
    }

    private static string Transport(string setup = "actpass") =>
        $"a=ice-ufrag:brws\r\na=ice-pwd:browserpassword1234567890\r\na=fingerprint:{Fingerprint}\r\na=setup:{setup}\r\n";
}
