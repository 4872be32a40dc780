using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Tests.Sdp;

public sealed class SdpSessionDescriptionTests
{
    [Fact]
    public void ToString_ChromiumOffer_RoundTripsExactly()
    {
        var text = SdpFixtures.ChromiumOffer;

        var parsed = SdpSessionDescription.Parse(text);

        Assert.Equal(text, parsed.ToString());
    }

    [Fact]
    public void Parse_ChromiumOffer_ReadsTransportAndMedia()
    {
        var offer = SdpSessionDescription.Parse(SdpFixtures.ChromiumOffer);

        Assert.Equal(["0", "1"], offer.BundleMids());
        Assert.False(offer.IsIceLite);
        Assert.Equal(2, offer.Media.Count);
        var audio = offer.Media[0];
        var video = offer.Media[1];
        Assert.Equal("audio", audio.Media);
        Assert.Equal(9, audio.Port);
        Assert.Equal("UDP/TLS/RTP/SAVPF", audio.Protocol);
        Assert.Equal("0", audio.Mid);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.True(audio.Has("rtcp-mux"));
        Assert.Equal("actpass", audio.Get("setup"));
        Assert.Equal("13/I", offer.GetForMedia(audio, "ice-ufrag"));
        Assert.StartsWith("sha-256 0E:7A", audio.Get("fingerprint"), StringComparison.Ordinal);
        Assert.Contains(audio.RtpMaps(), m => m is { PayloadType: 111, Encoding: "opus", ClockRate: 48000, Channels: 2 });
        Assert.Equal("minptime=10;useinbandfec=1", audio.Fmtp(111));
        Assert.Equal([3308038809u], audio.Ssrcs());
        Assert.Contains(audio.ExtMaps(), e => e.Id == 4 && e.Uri == SdpExtMap.MidUri);
        Assert.Equal(["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"], video.RtcpFeedback(96));
        Assert.Equal([451169986u, 1485786007u], video.Ssrcs());
        Assert.Equal("FID 451169986 1485786007", video.Get("ssrc-group"));
        Assert.Equal(23, video.Formats.Count);
    }

    [Fact]
    public void Parse_SimulcastAndUnknownLines_KeptVerbatim()
    {
        const string text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=x-custom:anything goes\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\nb=AS:2000\r\na=mid:0\r\na=rtpmap:96 VP8/90000\r\n"
            + "a=rid:h send\r\na=rid:l send max-width=320\r\na=simulcast:send h;l\r\na=x-other\r\n";

        var parsed = SdpSessionDescription.Parse(text);

        Assert.Equal(text, parsed.ToString());
        var video = parsed.Media[0];
        Assert.Equal(["h send", "l send max-width=320"], video.GetAll("rid"));
        Assert.Equal("send h;l", video.Get("simulcast"));
        Assert.Equal(new SdpLine('b', "AS:2000"), video.Lines[1]);
        Assert.Equal("anything goes", parsed.Get("x-custom"));
        Assert.True(video.Has("x-other"));
    }

    [Fact]
    public void Parse_LineFeedOnly_AcceptedAndWrittenWithCrLf()
    {
        var parsed = SdpSessionDescription.Parse("v=0\no=- 1 2 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\n");

        Assert.Equal("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n", parsed.ToString());
        Assert.Equal(["0"], parsed.Media[0].Formats);
    }

    [Fact]
    public void Parse_PortWithCount_KeepsCount()
    {
        var parsed = SdpSessionDescription.Parse("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 49170/2 RTP/AVP 0\r\n");

        Assert.Equal(49170, parsed.Media[0].Port);
        Assert.Equal(2, parsed.Media[0].PortCount);
        Assert.Contains("m=audio 49170/2 RTP/AVP 0", parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("o=- 1 2 IN IP4 0.0.0.0\r\nv=0\r\ns=-\r\n")]
    [InlineData("v=1\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\n")]
    [InlineData("v=0\r\ns=-\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nm=audio\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nm=audio port RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nm=audio 70000 RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nm=audio 9/x RTP/AVP 0\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\na=\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nA=upper\r\n")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nno equals sign\r\n")]
    public void TryParse_Malformed_ReturnsFalseWithError(string? text)
    {
        Assert.False(SdpSessionDescription.TryParse(text, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<FormatException>(() => SdpSessionDescription.Parse(text!));
    }

    [Fact]
    public void TryParse_RandomText_NeverThrows()
    {
        var random = new Random(1234);
        var alphabet = "v=oasmct0123456789 :/\r\n-IN IP4".ToCharArray();
        for (int i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            SdpSessionDescription.TryParse(new string(chars), out _, out _);
        }
    }

    [Theory]
    [InlineData("111 opus/48000/2", 111, "opus", 48000, 2)]
    [InlineData("0 PCMU/8000", 0, "PCMU", 8000, null)]
    public void SdpRtpMap_TryParse_Valid(string value, int pt, string name, int clock, int? channels)
    {
        Assert.True(SdpRtpMap.TryParse(value, out var map));
        Assert.Equal(new SdpRtpMap(pt, name, clock, channels), map);
        Assert.Equal(value, map!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("opus/48000")]
    [InlineData("128 opus/48000/2")]
    [InlineData("111 opus")]
    [InlineData("111 opus/x")]
    [InlineData("111 opus/48000/2/1")]
    public void SdpRtpMap_TryParse_Malformed_ReturnsFalse(string value)
    {
        Assert.False(SdpRtpMap.TryParse(value, out _));
    }

    [Theory]
    [InlineData("4 urn:ietf:params:rtp-hdrext:sdes:mid", 4, null)]
    [InlineData("7/sendonly urn:x attr", 7, "sendonly")]
    public void SdpExtMap_TryParse_Valid(string value, int id, string? direction)
    {
        Assert.True(SdpExtMap.TryParse(value, out var map));
        Assert.Equal(id, map!.Id);
        Assert.Equal(direction, map.Direction);
        Assert.Equal(value, map.ToString());
    }

    [Theory]
    [InlineData(SdpDirection.SendRecv, true, true, SdpDirection.SendRecv)]
    [InlineData(SdpDirection.SendOnly, true, true, SdpDirection.RecvOnly)]
    [InlineData(SdpDirection.RecvOnly, true, true, SdpDirection.SendOnly)]
    [InlineData(SdpDirection.Inactive, true, true, SdpDirection.Inactive)]
    [InlineData(SdpDirection.SendRecv, false, true, SdpDirection.RecvOnly)]
    [InlineData(SdpDirection.SendRecv, true, false, SdpDirection.SendOnly)]
    public void SdpDirection_Answer_MirrorsOffer(string offered, bool send, bool receive, string expected)
    {
        Assert.Equal(expected, SdpDirection.Answer(offered, send, receive));
    }
}
