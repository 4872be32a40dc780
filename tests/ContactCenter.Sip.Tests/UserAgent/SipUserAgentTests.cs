using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Sip.Tests.UserAgent;

/// <summary>Out-of-dialog behaviour: methods, admission, CANCEL, malformed input.</summary>
public sealed partial class SipUserAgentTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Options_UdpAndTcp_Answers200WithAllow(bool tcp)
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client(tcp);

        phone.Send(SipScript.Options(phone, "z9hG4bKopt1"));
        var response = phone.ReceiveStatus(200);

        Assert.NotNull(response);
        Assert.Equal("INVITE, ACK, BYE, CANCEL, OPTIONS", response.GetHeader("Allow"));
        Assert.Equal("application/sdp", response.GetHeader("Accept"));
        Assert.Equal(phone.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), response.TopVia!.Get("rport"));
        Assert.Equal("127.0.0.1", response.TopVia.Received);
    }

    [Theory]
    [InlineData("REGISTER", 405)]
    [InlineData("FROBNICATE", 501)]
    public async Task UnsupportedMethod_Answered405Or501(string method, int expected)
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();

        phone.Send(SipScript.Options(phone, "z9hG4bKm1", method));

        var response = phone.Receive();
        Assert.Equal(expected, response?.StatusCode);
        Assert.NotNull(response!.GetHeader("Allow"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Invite_GoodToken_RingsAnswersWithSdpAndByeEndsCall(bool tcp)
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client(tcp);

        phone.Send(SipScript.Invite(phone, "c-good", "z9hG4bKi1", uui: "Y2FsbA==;encoding=base64," + TestCallHandler.GoodToken + ";encoding=jwt"));
        // 100 Trying goes out only when the decision takes over 200 ms (RFC 3261 §17.2.1); this one is quick.
        var ringing = phone.Receive();
        var ok = phone.Receive();

        Assert.Equal([180, 200], new[] { ringing!.StatusCode, ok!.StatusCode });
        Assert.NotNull(ok.ToTag);
        Assert.Equal(ringing.ToTag, ok.ToTag);
        Assert.Equal("application/sdp", ok.GetHeader("Content-Type"));
        var answer = Encoding.UTF8.GetString(ok.Body);
        Assert.Contains("m=audio ", answer, StringComparison.Ordinal);
        Assert.Contains("RTP/AVP 8 101", answer, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 127.0.0.1", answer, StringComparison.Ordinal);
        Assert.StartsWith("<sip:127.0.0.1:", ok.GetHeader("Contact"), StringComparison.Ordinal);
        var context = Assert.Single(uas.Handler.Invites);
        Assert.Equal((TestCallHandler.GoodToken, "Y2FsbA==", "+15551230000"), (context.Token, context.UuiCallId, context.CallerNumber));

        phone.Send(SipScript.InDialog(phone, "ACK", "c-good", "z9hG4bKa1", ok.ToTag!, 1));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Established.IsEmpty));
        var call = Assert.Single(uas.Agent.Calls);
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Equal("p-1", call.ParticipantId);

        phone.Send(SipScript.InDialog(phone, "BYE", "c-good", "z9hG4bKb1", ok.ToTag!, 2));
        Assert.NotNull(phone.ReceiveStatus(200));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Ended.IsEmpty));
        Assert.Equal(SipCallEndReason.RemoteBye, Assert.Single(uas.Handler.Ended).Reason);
        Assert.Empty(uas.Agent.Calls);
    }

    [Fact]
    public async Task Invite_BadToken_Answered403AndRetransmissionGetsSame403()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        var invite = SipScript.Invite(phone, "c-bad", "z9hG4bKbad", uui: "forged;encoding=jwt");

        phone.Send(invite);
        var first = phone.ReceiveStatus(403);
        phone.Send(invite);
        var again = phone.ReceiveStatus(403);

        Assert.NotNull(first);
        Assert.NotNull(again);
        Assert.Equal(first.ToTag, again.ToTag);
        Assert.Single(uas.Handler.Invites);
        Assert.Empty(uas.Agent.Calls);
    }

    [Fact]
    public async Task Invite_NoTokenFromUnknownSource_Answered403WithoutAskingHandler()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();

        phone.Send(SipScript.Invite(phone, "c-anon", "z9hG4bKanon"));

        Assert.NotNull(phone.ReceiveStatus(403));
        Assert.Empty(uas.Handler.Invites);
    }

    [Fact]
    public async Task Invite_TrunkWithDigest_ChallengedThenAccepted()
    {
        await using var uas = new UasHarness(o =>
        {
            var trunk = new SipTrunkOptions { Name = "pbx", Username = "pbx", Password = "pw" };
            trunk.Addresses.Add("127.0.0.0/8");
            o.Trunks.Add(trunk);
        });
        using var phone = uas.Client();

        phone.Send(SipScript.Invite(phone, "c-trunk", "z9hG4bKt1"));
        var challenge = phone.ReceiveStatus(401);
        Assert.NotNull(challenge);
        phone.Send(SipScript.InDialog(phone, "ACK", "c-trunk", "z9hG4bKt1", challenge.ToTag!, 1));
        var header = challenge.GetHeader("WWW-Authenticate")!;
        var nonce = header.Split("nonce=\"")[1].Split('"')[0];
        var response = ContactCenter.Sip.Auth.SipTrunkAuthenticator.ComputeResponse("pbx", "contactcenter", "pw", "INVITE", "sip:cc@127.0.0.1", nonce, "00000001", "xyz", "auth");
        var authorization = $"Authorization: Digest username=\"pbx\", realm=\"contactcenter\", nonce=\"{nonce}\", uri=\"sip:cc@127.0.0.1\", response=\"{response}\", qop=auth, nc=00000001, cnonce=\"xyz\"\n";
        phone.Send(SipScript.Invite(phone, "c-trunk", "z9hG4bKt2", cseq: 2, extraHeaders: authorization));

        Assert.NotNull(phone.ReceiveStatus(200));
        var context = Assert.Single(uas.Handler.Invites);
        Assert.Equal("pbx", context.Trunk!.Name);
        Assert.Null(context.Token);
    }

    [Fact]
    public async Task Invite_QueueFull_Answered486WithRetryAfter()
    {
        await using var uas = new UasHarness(o =>
        {
            var trunk = new SipTrunkOptions { Name = "carrier" };
            trunk.Addresses.Add("127.0.0.1");
            o.Trunks.Add(trunk);
            o.QueueFullRetryAfterSeconds = 45;
        });
        uas.Handler.QueueFull = true;
        using var phone = uas.Client();

        phone.Send(SipScript.Invite(phone, "c-full", "z9hG4bKfull"));
        var busy = phone.ReceiveStatus(486);

        Assert.NotNull(busy);
        Assert.Equal("45", busy.GetHeader("Retry-After"));
    }

    [Fact]
    public async Task Cancel_WhileDeciding_200ForCancelAnd487ForInvite()
    {
        await using var uas = new UasHarness();
        uas.Handler.DecisionDelay = TimeSpan.FromSeconds(30);
        using var phone = uas.Client();
        phone.Send(SipScript.Invite(phone, "c-cancel", "z9hG4bKcx", uui: TestCallHandler.GoodToken + ";encoding=jwt"));
        Assert.NotNull(phone.ReceiveStatus(100));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Invites.IsEmpty));

        phone.Send($"CANCEL sip:cc@127.0.0.1 SIP/2.0\n{phone.Via("z9hG4bKcx")}\nMax-Forwards: 70\n" +
                   "From: \"Caller\" <sip:+15551230000@127.0.0.1>;tag=phone1\nTo: <sip:cc@127.0.0.1>\n" +
                   "Call-ID: c-cancel\nCSeq: 1 CANCEL\nContent-Length: 0\n\n");
        var responses = new[] { phone.Receive(), phone.Receive() };

        Assert.Contains(responses, r => r is { StatusCode: 200 } && r.CSeq!.Value.Method == "CANCEL");
        Assert.Contains(responses, r => r is { StatusCode: 487 } && r.CSeq!.Value.Method == "INVITE");
        Assert.Equal(responses[0]!.ToTag, responses[1]!.ToTag);
        Assert.True(await Wait.UntilAsync(() => uas.Handler.CancelledDecisions == 1));
        Assert.Empty(uas.Agent.Calls);
    }

    [Fact]
    public async Task Cancel_UnknownTransaction_Answered481()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();

        phone.Send(SipScript.Options(phone, "z9hG4bKnone", "CANCEL"));

        Assert.Equal(481, phone.Receive()?.StatusCode);
    }

    [Fact]
    public async Task Bye_UnknownDialog_Answered481()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();

        phone.Send(SipScript.InDialog(phone, "BYE", "nope", "z9hG4bKnb", "tag", 2));

        Assert.Equal(481, phone.Receive()?.StatusCode);
    }

    [Fact]
    public async Task Invite_NoG711Offered_Answered488()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        var sdp = "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n";

        phone.Send(SipScript.Invite(phone, "c-488", "z9hG4bK488", uui: TestCallHandler.GoodToken + ";encoding=jwt", sdp: sdp));

        Assert.NotNull(phone.ReceiveStatus(488));
    }

    [Fact]
    public async Task Invite_Requires100rel_Answered420WithUnsupported()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();

        phone.Send(SipScript.Invite(phone, "c-420", "z9hG4bK420", uui: TestCallHandler.GoodToken + ";encoding=jwt", extraHeaders: "Require: 100rel\n"));

        var response = phone.ReceiveStatus(420);
        Assert.NotNull(response);
        Assert.Equal("100rel", response.GetHeader("Unsupported"));
        Assert.Empty(uas.Handler.Invites);
    }

    [Fact]
    public async Task Invite_HandlerThrows_Answered500AndServerKeepsWorking()
    {
        await using var uas = new UasHarness();
        uas.Handler.Throw = true;
        using var phone = uas.Client();

        phone.Send(SipScript.Invite(phone, "c-500", "z9hG4bK500", uui: TestCallHandler.GoodToken + ";encoding=jwt"));

        Assert.NotNull(phone.ReceiveStatus(500));
        phone.Send(SipScript.Options(phone, "z9hG4bK500o"));
        Assert.NotNull(phone.ReceiveStatus(200));
    }

    [Fact]
    public async Task Invite_RetransmittedWhileDeciding_AbsorbedWithTryingAndDecidedOnce()
    {
        await using var uas = new UasHarness();
        uas.Handler.DecisionDelay = TimeSpan.FromMilliseconds(500);
        using var phone = uas.Client();
        var invite = SipScript.Invite(phone, "c-rt", "z9hG4bKrt", uui: TestCallHandler.GoodToken + ";encoding=jwt");

        phone.Send(invite);
        Assert.Equal(100, phone.Receive()?.StatusCode);
        phone.Send(invite);
        Assert.Equal(100, phone.Receive()?.StatusCode);

        Assert.NotNull(phone.ReceiveStatus(200));
        Assert.Single(uas.Handler.Invites);
        Assert.Single(uas.Agent.Calls);
    }

    [Fact]
    public async Task Invite_RtpPortsExhausted_Answered503()
    {
        var port = FreeEvenPortPair();
        await using var uas = new UasHarness(o => (o.RtpPortMin, o.RtpPortMax) = (port, port + 1));
        using var phone = uas.Client();

        phone.Send(SipScript.Invite(phone, "c-p1", "z9hG4bKp1", uui: TestCallHandler.GoodToken + ";encoding=jwt"));
        Assert.NotNull(phone.ReceiveStatus(200));
        phone.Send(SipScript.Invite(phone, "c-p2", "z9hG4bKp2", uui: TestCallHandler.GoodToken + ";encoding=jwt"));

        Assert.NotNull(phone.ReceiveStatus(503));
    }

    private static int FreeEvenPortPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)probe.LocalEndPoint!).Port & ~1;
            probe.Dispose();
            using var a = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            using var b = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                a.Bind(new IPEndPoint(IPAddress.Loopback, port));
                b.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException) when (attempt < 50)
            {
            }
        }
    }
}
