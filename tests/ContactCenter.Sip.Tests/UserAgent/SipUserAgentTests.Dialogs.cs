using System.Text;
using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Sip.Tests.UserAgent;

/// <summary>In-dialog behaviour: re-INVITE hold/resume, CSeq ordering, our BYE, RTP timeout, malformed input.</summary>
public sealed partial class SipUserAgentTests
{
    [Fact]
    public async Task ReInvite_SendOnlyThenSendRecv_AnswersRecvOnlyThenSendRecvAndReportsHold()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        phone.Send(SipScript.Invite(phone, "c-hold", "z9hG4bKh1", uui: TestCallHandler.GoodToken + ";encoding=jwt"));
        var ok = phone.ReceiveStatus(200)!;
        phone.Send(SipScript.InDialog(phone, "ACK", "c-hold", "z9hG4bKh1a", ok.ToTag!, 1));

        phone.Send(SipScript.Invite(phone, "c-hold", "z9hG4bKh2", sdp: SipScript.Sdp(phone.Port + 2, "sendonly"), cseq: 2, toTag: ok.ToTag));
        var hold = phone.ReceiveStatus(200)!;
        phone.Send(SipScript.InDialog(phone, "ACK", "c-hold", "z9hG4bKh2a", ok.ToTag!, 2));
        phone.Send(SipScript.Invite(phone, "c-hold", "z9hG4bKh3", sdp: SipScript.Sdp(phone.Port + 2, "sendrecv"), cseq: 3, toTag: ok.ToTag));
        var resume = phone.ReceiveStatus(200)!;

        Assert.EndsWith("a=recvonly\r\n", Encoding.UTF8.GetString(hold.Body), StringComparison.Ordinal);
        Assert.Contains("o=- ", Encoding.UTF8.GetString(hold.Body), StringComparison.Ordinal);
        Assert.EndsWith("a=sendrecv\r\n", Encoding.UTF8.GetString(resume.Body), StringComparison.Ordinal);
        Assert.True(await Wait.UntilAsync(() => uas.Handler.HoldChanges.Count == 2));
        Assert.Equal([true, false], uas.Handler.HoldChanges);
    }

    [Fact]
    public async Task ReInvite_OldCSeq_Answered500()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        phone.Send(SipScript.Invite(phone, "c-cseq", "z9hG4bKq1", uui: TestCallHandler.GoodToken + ";encoding=jwt", cseq: 5));
        var ok = phone.ReceiveStatus(200)!;

        phone.Send(SipScript.Invite(phone, "c-cseq", "z9hG4bKq2", cseq: 4, toTag: ok.ToTag));

        Assert.NotNull(phone.ReceiveStatus(500));
    }

    [Fact]
    public async Task HangUp_FromOurSide_SendsByeInDialog()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        phone.Send(SipScript.Invite(phone, "c-hang", "z9hG4bKhu", uui: TestCallHandler.GoodToken + ";encoding=jwt"));
        var ok = phone.ReceiveStatus(200)!;
        phone.Send(SipScript.InDialog(phone, "ACK", "c-hang", "z9hG4bKhua", ok.ToTag!, 1));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Established.IsEmpty));

        var hangUp = Assert.Single(uas.Agent.Calls).HangUpAsync();
        var bye = phone.ReceiveRequest("BYE");

        Assert.NotNull(bye);
        Assert.Equal("c-hang", bye.CallId);
        Assert.Equal(ok.ToTag, bye.FromTag);
        Assert.Equal("phone1", bye.ToTag);
        Assert.Equal($"sip:phone@127.0.0.1:{phone.Port}", bye.RequestUri);
        phone.SendRaw(ContactCenter.Sip.Messages.SipSerializer.Serialize(bye.CreateResponseTo(200, "OK")));
        await hangUp.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipCallEndReason.LocalHangUp, Assert.Single(uas.Handler.Ended).Reason);
    }

    [Fact]
    public async Task Junk_OverUdpAndTcp_NeverCrashesAndOptionsStillAnswered()
    {
        await using var uas = new UasHarness();
        using (var udp = uas.Client())
        {
            udp.SendRaw([0, 1, 2, 3, 255, 254]);
            udp.SendRaw(Encoding.ASCII.GetBytes("INVITE sip:x SIP/2.0\r\n\r\n"));
            udp.SendRaw(new byte[1400]);
        }
        using (var tcp = uas.Client(tcp: true))
        {
            tcp.SendRaw(Encoding.ASCII.GetBytes("NOT SIP AT ALL\r\n\r\n"));
            Assert.Null(tcp.Receive());
        }

        using var phone = uas.Client();
        phone.Send(SipScript.Options(phone, "z9hG4bKafter"));
        Assert.NotNull(phone.ReceiveStatus(200));
    }

    [Fact]
    public async Task TruncatedBody_OverUdp_Answered400()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        var invite = SipScript.Invite(phone, "c-trunc", "z9hG4bKtr", uui: TestCallHandler.GoodToken + ";encoding=jwt");

        phone.Send(invite[..^40]);

        var response = phone.Receive();
        Assert.Equal(400, response?.StatusCode);
        Assert.Empty(uas.Handler.Invites);
    }

    [Fact]
    public async Task NoRtpFromPhone_BeyondTimeout_UasSendsByeAndEndsCall()
    {
        await using var uas = new UasHarness(o => o.NoRtpTimeoutSeconds = 1);
        using var phone = uas.Client();
        phone.Send(SipScript.Invite(phone, "c-silent", "z9hG4bKs1", uui: TestCallHandler.GoodToken + ";encoding=jwt"));
        var ok = phone.ReceiveStatus(200)!;
        phone.Send(SipScript.InDialog(phone, "ACK", "c-silent", "z9hG4bKs1a", ok.ToTag!, 1));

        var bye = phone.ReceiveRequest("BYE");

        Assert.NotNull(bye);
        Assert.Contains("NoRtpTimeout", bye.GetHeader("Reason"), StringComparison.Ordinal);
        phone.SendRaw(ContactCenter.Sip.Messages.SipSerializer.Serialize(bye.CreateResponseTo(200, "OK")));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Ended.IsEmpty));
        Assert.Equal(SipCallEndReason.NoRtpTimeout, Assert.Single(uas.Handler.Ended).Reason);
    }

    [Fact]
    public async Task Invite_WithoutOffer_WeOfferIn200AndTakeTheAnswerFromAck()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        var invite = SipScript.Invite(phone, "c-late", "z9hG4bKlate", uui: TestCallHandler.GoodToken + ";encoding=jwt", sdp: "")
            .Replace("Content-Type: application/sdp\n", "", StringComparison.Ordinal);

        phone.Send(invite);
        var ok = phone.ReceiveStatus(200)!;
        var offer = Encoding.UTF8.GetString(ok.Body);
        Assert.Contains("m=audio ", offer, StringComparison.Ordinal);
        Assert.Contains(" RTP/AVP 0 8 101\r\n", offer, StringComparison.Ordinal);
        Assert.Null(Assert.Single(uas.Handler.Invites).Offer);

        var answer = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
                     "m=audio 40404 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
        var ack = SipScript.InDialog(phone, "ACK", "c-late", "z9hG4bKlatea", ok.ToTag!, 1)
            .Replace("Content-Length: 0\n\n", $"Content-Type: application/sdp\nContent-Length: {answer.Length}\n\n{answer}", StringComparison.Ordinal);
        phone.Send(ack);

        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Established.IsEmpty));
        var call = Assert.Single(uas.Agent.Calls);
        Assert.Equal(ContactCenter.Sip.Sdp.G711Codec.Pcma, call.Leg.Negotiation.Codec);
        Assert.Equal(ContactCenter.Sip.Sdp.G711Codec.Pcma, call.Bridge.Codec);
        Assert.Equal(40404, call.Leg.RemoteEndPoint!.Port);
    }

    [Fact]
    public async Task Invite_WithoutOffer_AckWithoutAnswer_HungUpWithBye()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        var invite = SipScript.Invite(phone, "c-noans", "z9hG4bKnoans", uui: TestCallHandler.GoodToken + ";encoding=jwt", sdp: "")
            .Replace("Content-Type: application/sdp\n", "", StringComparison.Ordinal);
        phone.Send(invite);
        var ok = phone.ReceiveStatus(200)!;

        phone.Send(SipScript.InDialog(phone, "ACK", "c-noans", "z9hG4bKnoansa", ok.ToTag!, 1));

        Assert.NotNull(phone.ReceiveRequest("BYE"));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Ended.IsEmpty));
        Assert.Equal(SipCallEndReason.BadAnswer, Assert.Single(uas.Handler.Ended).Reason);
    }

    [Fact]
    public async Task DisposeAsync_WithLiveCall_SendsByeEndsCallAndIsIdempotent()
    {
        var uas = new UasHarness();
        using var phone = uas.Client();
        phone.Send(SipScript.Invite(phone, "c-shut", "z9hG4bKsh", uui: TestCallHandler.GoodToken + ";encoding=jwt"));
        var ok = phone.ReceiveStatus(200)!;
        phone.Send(SipScript.InDialog(phone, "ACK", "c-shut", "z9hG4bKsha", ok.ToTag!, 1));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Established.IsEmpty));

        await uas.DisposeAsync();
        await uas.DisposeAsync();

        Assert.NotNull(phone.ReceiveRequest("BYE"));
        Assert.Equal(SipCallEndReason.Shutdown, Assert.Single(uas.Handler.Ended).Reason);
    }

    [Fact]
    public async Task ReInvite_WithoutOffer_WeOfferAndTheAckAnswerSwitchesCodecAndHolds()
    {
        await using var uas = new UasHarness();
        using var phone = uas.Client();
        phone.Send(SipScript.Invite(phone, "c-reo", "z9hG4bKr1", uui: TestCallHandler.GoodToken + ";encoding=jwt",
            sdp: SipScript.Sdp(phone.Port + 2, payloads: "0 101")));
        var ok = phone.ReceiveStatus(200)!;
        phone.Send(SipScript.InDialog(phone, "ACK", "c-reo", "z9hG4bKr1a", ok.ToTag!, 1));
        Assert.True(await Wait.UntilAsync(() => !uas.Handler.Established.IsEmpty));
        var call = Assert.Single(uas.Agent.Calls);
        Assert.Equal(ContactCenter.Sip.Sdp.G711Codec.Pcmu, call.Bridge.Codec);

        phone.Send(SipScript.Invite(phone, "c-reo", "z9hG4bKr2", sdp: "", cseq: 2, toTag: ok.ToTag)
            .Replace("Content-Type: application/sdp\n", "", StringComparison.Ordinal));
        var offer = phone.ReceiveStatus(200)!;
        Assert.Contains(" RTP/AVP 0 8 101\r\n", Encoding.UTF8.GetString(offer.Body), StringComparison.Ordinal);
        var answer = "v=0\r\no=phone 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
                     "m=audio 40406 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendonly\r\n";
        phone.Send(SipScript.InDialog(phone, "ACK", "c-reo", "z9hG4bKr2a", ok.ToTag!, 2)
            .Replace("Content-Length: 0\n\n", $"Content-Type: application/sdp\nContent-Length: {answer.Length}\n\n{answer}", StringComparison.Ordinal));

        Assert.True(await Wait.UntilAsync(() => uas.Handler.HoldChanges.Count == 1));
        Assert.Equal([true], uas.Handler.HoldChanges);
        Assert.Equal(ContactCenter.Sip.Sdp.G711Codec.Pcma, call.Bridge.Codec);
        Assert.Equal(ContactCenter.Sip.Sdp.MediaDirection.RecvOnly, call.Leg.Direction);
    }
}
