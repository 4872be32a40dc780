using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Tests.Peers;
using ContactCenter.Media.Transport;

namespace ContactCenter.Media.Tests.Routing;

/// <summary>The SDP side of the SFU's two connections: growing server offers, refused answers, later publish offers.</summary>
public sealed class PeerConnectionRenegotiationTests : IAsyncLifetime
{
    private readonly UdpMediaTransport _transport = new(new MediaTransportOptions { Port = 0, WarmUpDtls = false });

    public Task InitializeAsync() => _transport.StartAsync();

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    [Fact]
    public async Task CreateSubscribeOffer_SecondOffer_KeepsMidsAndAddsLines()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { Receive = false });
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var first = peer.CreateSubscribeOffer([Line(MediaKind.Audio, 11)]);
        peer.ApplySubscribeAnswer(RecvOnly(browser.AnswerTo(first, "passive")));

        var second = SdpSessionDescription.Parse(peer.CreateSubscribeOffer([Line(MediaKind.Audio, 0), Line(MediaKind.Video, 22)]));

        Assert.Equal(["0", "1"], second.Media.Select(m => m.Mid));
        Assert.Equal(SdpDirection.Inactive, second.Media[0].Direction);
        Assert.Equal(SdpDirection.SendOnly, second.Media[1].Direction);
        Assert.Equal([22u], second.Media[1].Ssrcs());
        Assert.Equal("active", second.Media[1].Get("setup")); // the role the first answer settled (RFC 5763 §5)
        Assert.Null(second.Media[1].Get("extmap"));
    }

    [Fact]
    public async Task ApplySubscribeAnswer_ExtraMLine_IsRefusedAndChangesNothing()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { Receive = false });
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var offer = peer.CreateSubscribeOffer([Line(MediaKind.Audio, 11)]);
        var answer = RecvOnly(browser.AnswerTo(offer, "passive"));
        var extra = answer + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:9\r\na=recvonly\r\na=rtpmap:96 VP8/90000\r\n";

        var error = Assert.Throws<FormatException>(() => peer.ApplySubscribeAnswer(extra));

        Assert.Contains("2 m-line(s) but the offer had 1", error.Message, StringComparison.Ordinal);
        Assert.Null(peer.DtlsRole);
        peer.ApplySubscribeAnswer(answer); // the offer is still pending and a proper answer is accepted
        Assert.NotNull(peer.DtlsRole);
    }

    [Fact]
    public async Task ApplySubscribeAnswer_AnswerDeclaresSsrcOrSends_IsRefused()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { Receive = false });
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var offer = peer.CreateSubscribeOffer([Line(MediaKind.Audio, 11)]);
        var sending = browser.AnswerTo(offer, "passive"); // a=sendrecv
        var withSsrc = RecvOnly(sending) + "a=ssrc:5555 cname:x\r\n";

        Assert.Contains("receive-only", Assert.Throws<FormatException>(() => peer.ApplySubscribeAnswer(sending)).Message, StringComparison.Ordinal);
        Assert.Contains("receive-only", Assert.Throws<FormatException>(() => peer.ApplySubscribeAnswer(withSsrc)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSubsequentAnswer_IceRestartWithANewStream_TakesNewCredentialsAndKeepsTheDtlsRole()
    {
        var peer = _transport.CreatePeer(new PeerConnectionOptions { Send = false, AcceptVideo = false });
        await using var browser = new FakeBrowser(_transport.LocalEndPoint);
        var offer = browser.Offer();
        peer.CreateAnswer(offer);
        var role = peer.DtlsRole;
        var restarted = offer.Replace("a=ice-ufrag:" + browser.Ufrag, "a=ice-ufrag:newu", StringComparison.Ordinal)
            .Replace("a=ice-pwd:" + browser.Password, "a=ice-pwd:newpasswordnewpassword12", StringComparison.Ordinal);

        var answer = SdpSessionDescription.Parse(peer.CreateSubsequentAnswer(restarted));

        Assert.Equal("newu", peer.RemoteUfrag);
        Assert.Equal(role, peer.DtlsRole);
        Assert.Equal(3, answer.Media.Count);
        Assert.False(answer.Media[0].IsRejected);
        Assert.True(answer.Media[1].IsRejected); // VIDEO is not permitted: port 0 again
        Assert.Equal("passive", answer.Media[0].Get("setup"));
    }

    private static OutgoingLine Line(MediaKind kind, uint ssrc) =>
        new(kind, ssrc != 0, ssrc, ssrc != 0 ? "stream" : string.Empty, ssrc != 0 ? "track" : string.Empty);

    private static string RecvOnly(string answer) => answer.Replace("a=sendrecv", "a=recvonly", StringComparison.Ordinal);
}
