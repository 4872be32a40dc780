using System.Net;
using ContactCenter.LoadGen.Client;
using ContactCenter.Media.Dtls;

namespace ContactCenter.LoadGen.Tests.Client;

public sealed class RemoteDescriptionTests
{
    private const string Fingerprint =
        "sha-256 65:59:40:B1:9B:39:63:2D:1B:9A:26:B5:9B:0A:74:88:68:E9:8E:D5:63:32:C5:D4:AE:62:D0:F8:E3:C5:95:82";

    [Fact]
    public void FindCandidate_SeveralHosts_PrefersLoopbackIPv4()
    {
        var found = RemoteDescription.FindCandidate([
            "1 1 udp 2015363327 192.0.2.2 33805 typ host",
            "2 1 udp 2015363583 fd00::2 36611 typ host",
            "3 1 udp 2015363839 127.0.0.2 32452 typ host",
        ]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 32452), found);
    }

    [Fact]
    public void FindCandidate_OnlyTcpOrRtcp_ReturnsNull() =>
        Assert.Null(RemoteDescription.FindCandidate([
            "1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype passive",
            "2 2 udp 2130706430 127.0.0.1 40001 typ host",
        ]));

    [Theory]
    [InlineData("passive", false, DtlsRole.Client)]
    [InlineData("active", false, DtlsRole.Server)]
    [InlineData("actpass", true, DtlsRole.Client)]
    public void Parse_Setup_GivesOurDtlsRole(string setup, bool remoteIsOfferer, DtlsRole expected)
    {
        var remote = RemoteDescription.Parse(Sdp(setup), remoteIsOfferer);

        Assert.Equal(expected, remote.LocalRole);
        Assert.Equal("srv1", remote.IceUfrag);
        Assert.Equal("serverpassword0123456789", remote.IcePassword);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 40000), remote.Candidate);
        Assert.True(remote.IsIceLite);
    }

    [Fact]
    public void Parse_AnswerSaysActpass_Throws() =>
        Assert.Throws<FormatException>(() => RemoteDescription.Parse(Sdp("actpass"), remoteIsOfferer: false));

    private static string Sdp(string setup) =>
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\na=group:BUNDLE 0\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 127.0.0.1\r\na=mid:0\r\na=ice-ufrag:srv1\r\n"
        + "a=ice-pwd:serverpassword0123456789\r\na=fingerprint:" + Fingerprint + "\r\na=setup:" + setup + "\r\n"
        + "a=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host\r\n";
}
