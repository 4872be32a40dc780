using ContactCenter.Media.Dtls;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Tests.Sdp;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Peers;

public sealed class PeerConnectionSdpTests : IAsyncLifetime
{
    private readonly UdpMediaTransport _transport = new(new MediaTransportOptions { Port = 0, WarmUpDtls = false });

    public Task InitializeAsync() => _transport.StartAsync();

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    [Fact]
    public void CreateAnswer_ChromiumOffer_IceLitePassiveBundledWithHostCandidate()
    {
        var peer = _transport.CreatePeer();

        var answer = SdpSessionDescription.Parse(peer.CreateAnswer(SdpFixtures.ChromiumOffer));

        Assert.True(answer.IsIceLite);
        Assert.Equal(["0", "1"], answer.BundleMids());
        Assert.Equal(DtlsRole.Server, peer.DtlsRole);
        Assert.Equal("13/I", peer.RemoteUfrag);
        foreach (var media in answer.Media)
        {
            Assert.Equal(_transport.LocalEndPoint.Port, media.Port);
            Assert.Equal("passive", media.Get("setup"));
            Assert.Equal(peer.LocalIce.Ufrag, media.Get("ice-ufrag"));
            Assert.Equal(peer.LocalIce.Password, media.Get("ice-pwd"));
            Assert.Equal(DtlsCertificate.Shared.Fingerprint.ToString(), media.Get("fingerprint"));
            Assert.True(media.Has("rtcp-mux"));
            Assert.Equal($"1 1 udp 2130706431 127.0.0.1 {_transport.LocalEndPoint.Port} typ host", media.Get("candidate"));
        }
    }

    [Fact]
    public void CreateAnswer_ChromiumOffer_KeepsOfferPayloadTypesForOpusG711Vp8()
    {
        var peer = _transport.CreatePeer();

        var answer = SdpSessionDescription.Parse(peer.CreateAnswer(SdpFixtures.ChromiumOffer));

        Assert.Equal(["111", "0", "8", "110", "126"], answer.Media[0].Formats);
        Assert.Equal("minptime=10;useinbandfec=1", answer.Media[0].Fmtp(111));
        Assert.Empty(answer.Media[0].RtcpFeedback(111)); // no transport-cc: we send no TWCC feedback
        Assert.Equal(["96"], answer.Media[1].Formats);
        Assert.Equal(["ccm fir", "nack", "nack pli"], answer.Media[1].RtcpFeedback(96));
        Assert.Equal([SdpExtMap.MidUri], answer.Media[1].ExtMaps().Select(e => e.Uri));
        Assert.Equal(4, answer.Media[1].ExtMaps().Single().Id);
        Assert.Equal(2, peer.Media.Count);
        Assert.Equal(MediaKind.Audio, peer.Media[0].Kind);
        Assert.Equal(MediaKind.Video, peer.Media[1].Kind);
    }

    [Fact]
    public void CreateAnswer_SendRecvOffer_DeclaresOneSsrcPerMLine()
    {
        var peer = _transport.CreatePeer();

        var answer = SdpSessionDescription.Parse(peer.CreateAnswer(SdpFixtures.ChromiumOffer));

        for (int i = 0; i < 2; i++)
        {
            var ssrc = answer.Media[i].Ssrcs();
            Assert.Equal([peer.Media[i].LocalSsrc], ssrc);
            Assert.Equal(SdpDirection.SendRecv, answer.Media[i].Direction);
            Assert.Equal(peer.Media[i].LocalStreamId + " " + peer.Media[i].LocalTrackId, answer.Media[i].Get("msid"));
        }

        Assert.NotEqual(peer.Media[0].LocalSsrc, peer.Media[1].LocalSsrc);
    }

    [Fact]
    public void CreateAnswer_H264Enabled_AddsOneConstrainedBaselinePayloadType()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { AcceptH264 = true });

        var answer = SdpSessionDescription.Parse(peer.CreateAnswer(SdpFixtures.ChromiumOffer));

        Assert.Equal(["96", "108"], answer.Media[1].Formats);
        Assert.Equal("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f", answer.Media[1].Fmtp(108));
    }

    [Fact]
    public void CreateAnswer_VideoNotPermitted_RejectsVideoWithPortZero()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { AcceptVideo = false });

        var answer = SdpSessionDescription.Parse(peer.CreateAnswer(SdpFixtures.ChromiumOffer));

        Assert.Equal(0, answer.Media[1].Port);
        Assert.Equal("1", answer.Media[1].Mid);
        Assert.Equal(["0"], answer.BundleMids());
        Assert.Single(peer.Media);
    }

    [Fact]
    public void CreateAnswer_DataChannelAndH264Only_Rejected()
    {
        var peer = _transport.CreatePeer();
        var offer = SdpFixtures.ChromiumOffer
            .Replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2", StringComparison.Ordinal)
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:2\r\na=sctp-port:5000\r\n";

        var answer = SdpSessionDescription.Parse(peer.CreateAnswer(offer));

        Assert.Equal(3, answer.Media.Count);
        Assert.Equal(0, answer.Media[2].Port);
        Assert.Equal("application", answer.Media[2].Media);
        Assert.Equal(["0", "1"], answer.BundleMids());
    }

    [Fact]
    public void CreateAnswer_BundleOnlyMLine_AcceptedDespitePortZero()
    {
        var peer = _transport.CreatePeer();
        var offer = SdpFixtures.ChromiumOffer.Replace("m=video 9 ", "m=video 0 ", StringComparison.Ordinal)
            .Replace("a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n", StringComparison.Ordinal);

        var answer = SdpSessionDescription.Parse(peer.CreateAnswer(offer));

        Assert.Equal(_transport.LocalEndPoint.Port, answer.Media[1].Port);
        Assert.Equal(["0", "1"], answer.BundleMids());
    }

    [Fact]
    public void CreateAnswer_OfferIsPassive_WeAreDtlsClient()
    {
        var peer = _transport.CreatePeer();

        var answer = peer.CreateAnswer(SdpFixtures.ChromiumOffer.Replace("a=setup:actpass", "a=setup:passive", StringComparison.Ordinal));

        Assert.Equal(DtlsRole.Client, peer.DtlsRole);
        Assert.Contains("a=setup:active", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=fingerprint:sha-256 ", "a=fingerprint:sha-256 XX")]
    [InlineData("a=ice-ufrag:", "a=x-ufrag:")]
    [InlineData("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 speex/48000")]
    public void CreateAnswer_UnusableOffer_ThrowsFormatException(string find, string replace)
    {
        var peer = _transport.CreatePeer();
        var offer = SdpFixtures.ChromiumOffer.Replace(find, replace, StringComparison.Ordinal);
        if (find.StartsWith("a=rtpmap", StringComparison.Ordinal))
        {
            // Leave no acceptable codec at all: audio without Opus/G.711, and no video.
            offer = offer.Replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:0 X/8000", StringComparison.Ordinal)
                .Replace("a=rtpmap:8 PCMA/8000", "a=rtpmap:8 Y/8000", StringComparison.Ordinal);
            peer = _transport.CreatePeer(new PeerConnectionOptions { AcceptVideo = false });
        }

        Assert.Throws<FormatException>(() => peer.CreateAnswer(offer));
    }

    [Fact]
    public void CreateOffer_IsActpassIceLiteWithOurCodecs()
    {
        var peer = _transport.CreatePeer();

        var offer = SdpSessionDescription.Parse(peer.CreateOffer([new OfferedMedia(MediaKind.Audio), new OfferedMedia(MediaKind.Video)]));

        Assert.True(offer.IsIceLite);
        Assert.Equal(["0", "1"], offer.BundleMids());
        Assert.All(offer.Media, m => Assert.Equal("actpass", m.Get("setup")));
        Assert.Equal(SdpDirection.SendOnly, offer.Media[0].Direction);
        Assert.Contains(offer.Media[0].RtpMaps(), m => m is { PayloadType: 111, Encoding: "opus" });
        Assert.Contains(offer.Media[1].RtpMaps(), m => m is { PayloadType: 96, Encoding: "VP8" });
        Assert.Null(peer.DtlsRole);
    }

    [Theory]
    [InlineData("passive", DtlsRole.Client)]
    [InlineData("active", DtlsRole.Server)]
    public async Task SetRemoteAnswer_Setup_DecidesOurDtlsRole(string setup, DtlsRole expected)
    {
        var peer = _transport.CreatePeer();
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var offer = peer.CreateOffer([new OfferedMedia(MediaKind.Audio), new OfferedMedia(MediaKind.Video)]);

        peer.SetRemoteAnswer(browser.AnswerTo(offer, setup));

        Assert.Equal(expected, peer.DtlsRole);
        Assert.Equal(browser.Ufrag, peer.RemoteUfrag);
        Assert.Equal(2, peer.Media.Count);
    }

    [Fact]
    public async Task SetRemoteAnswer_ActpassAnswer_Throws()
    {
        var peer = _transport.CreatePeer();
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var offer = peer.CreateOffer([new OfferedMedia(MediaKind.Audio)]);

        Assert.Throws<FormatException>(() => peer.SetRemoteAnswer(browser.AnswerTo(offer, "actpass")));
    }
}
