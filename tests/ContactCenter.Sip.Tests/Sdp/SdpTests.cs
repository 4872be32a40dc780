using System.Net;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.Tests.Sdp;

public sealed class SdpTests
{
    private const string Offer =
        "v=0\r\no=user1 53655765 2353687637 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 6000 RTP/AVP 18 8 0 101\r\na=rtpmap:18 G729/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\n";

    [Fact]
    public void TryParse_TypicalPhoneOffer_ReadsAudioLine()
    {
        Assert.True(SdpAudioOffer.TryParse(Offer, out var offer));

        Assert.Equal(IPAddress.Parse("192.0.2.10"), offer.ConnectionAddress);
        Assert.Equal(6000, offer.Port);
        Assert.Equal([18, 8, 0, 101], offer.PayloadTypes);
        Assert.Equal(MediaDirection.SendRecv, offer.Direction);
        Assert.False(offer.RtcpMux);
    }

    [Fact]
    public void TryNegotiate_FirstOfferedG711Wins_WithTelephoneEvent()
    {
        SdpAudioOffer.TryParse(Offer, out var offer);

        Assert.True(SdpNegotiation.TryNegotiate(offer, out var n));
        Assert.Equal(new SdpNegotiation(G711Codec.Pcma, 8, 101, false), n);
    }

    [Fact]
    public void TryNegotiate_StaticPayloadWithoutRtpmap_IsPcmu()
    {
        SdpAudioOffer.TryParse("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\n", out var offer);

        Assert.True(SdpNegotiation.TryNegotiate(offer, out var n));
        Assert.Equal(G711Codec.Pcmu, n.Codec);
        Assert.Null(n.TelephoneEventPayloadType);
    }

    [Theory]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n")]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/SAVP 0\r\n")]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 0 RTP/AVP 0\r\n")]
    public void TryNegotiate_NoG711OrSrtpOrRejected_False(string sdp)
    {
        Assert.True(SdpAudioOffer.TryParse(sdp, out var offer));
        Assert.False(SdpNegotiation.TryNegotiate(offer, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v=0\r\nm=video 5000 RTP/AVP 96\r\n")]
    [InlineData("v=0\r\nm=audio notaport RTP/AVP 0\r\n")]
    public void TryParse_NoUsableAudio_False(string sdp) => Assert.False(SdpAudioOffer.TryParse(sdp, out _));

    [Theory]
    [InlineData("a=sendonly", MediaDirection.SendOnly, MediaDirection.RecvOnly)]
    [InlineData("a=inactive", MediaDirection.Inactive, MediaDirection.Inactive)]
    [InlineData("a=recvonly", MediaDirection.RecvOnly, MediaDirection.SendOnly)]
    [InlineData("a=sendrecv", MediaDirection.SendRecv, MediaDirection.SendRecv)]
    public void AnswerDirection_HoldOffers_AnsweredPerRfc3264(string attribute, MediaDirection offered, MediaDirection answered)
    {
        SdpAudioOffer.TryParse("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\n" + attribute + "\r\n", out var offer);

        Assert.Equal(offered, offer.Direction);
        Assert.Equal(answered, SdpNegotiation.AnswerDirection(offer.Direction));
    }

    [Fact]
    public void TryParse_OldStyleHoldZeroAddress_IsInactive()
    {
        SdpAudioOffer.TryParse("v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 4000 RTP/AVP 0\r\n", out var offer);

        Assert.Equal(MediaDirection.Inactive, offer.Direction);
    }

    [Fact]
    public void Write_Answer_HasConnectionMediaRtpmapsAndDirection()
    {
        var answer = SdpAnswerWriter.Write(IPAddress.Parse("198.51.100.1"), 40002, new SdpNegotiation(G711Codec.Pcmu, 0, 101, true),
            MediaDirection.RecvOnly, 42, 2);

        Assert.Contains("o=- 42 2 IN IP4 198.51.100.1\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 198.51.100.1\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=audio 40002 RTP/AVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:0 PCMU/8000\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:101 telephone-event/8000\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtcp-mux\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("a=recvonly\r\n", answer, StringComparison.Ordinal);
        Assert.True(SdpAudioOffer.TryParse(answer, out var reread));
        Assert.Equal(40002, reread.Port);
    }
}
