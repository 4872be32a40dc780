using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class InviteServerTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipTimerOptions _timers = new();

    private InviteServerTransaction Create(RecordingFlow flow)
    {
        var request = SipRequests.Invite();
        return new InviteServerTransaction("k", request, flow, _time, _timers);
    }

    [Fact]
    public void SendTrying_NewInvite_Sends100WithoutTag()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);

        tx.SendTrying();

        Assert.Equal([100], flow.SentStatusCodes);
        Assert.DoesNotContain(";tag=", flow.Sent[0].Split("\r\n").Single(l => l.StartsWith("To:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void OnRequestRetransmission_InProceeding_ResendsLastProvisional()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.SendTrying();
        tx.SendResponse(tx.Request.CreateResponseTo(180, "Ringing", "t1"));

        tx.OnRequestRetransmission();

        Assert.Equal([100, 180, 180], flow.SentStatusCodes);
    }

    [Fact]
    public void FinalResponse_OverUdp_RetransmitsOnTimerGDoublingUpToT2()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.SendResponse(tx.Request.CreateResponseTo(486, "Busy Here", "t1"));
        Assert.Single(flow.Sent);

        // Timer G: T1, 2T1, 4T1, then capped at T2 = 4 s.
        _time.Step(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, flow.Sent.Count);
        _time.Step(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(3, flow.Sent.Count);
        _time.Step(TimeSpan.FromMilliseconds(2000));
        Assert.Equal(4, flow.Sent.Count);
        _time.Step(TimeSpan.FromMilliseconds(3999));
        Assert.Equal(4, flow.Sent.Count);
        _time.Step(TimeSpan.FromMilliseconds(1));
        Assert.Equal(5, flow.Sent.Count);
        _time.Step(TimeSpan.FromSeconds(4));
        Assert.Equal(6, flow.Sent.Count);
        Assert.Equal(SipTransactionState.Completed, tx.State);
    }

    [Fact]
    public void OnAck_AfterNonSuccess_StopsRetransmissionAndTerminatesAfterTimerI()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        var terminated = false;
        tx.Terminated = _ => terminated = true;
        tx.SendResponse(tx.Request.CreateResponseTo(603, "Decline", "t1"));

        tx.OnAck();
        _time.Step(TimeSpan.FromSeconds(4.9));

        Assert.Single(flow.Sent);
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.False(terminated);
        _time.Step(TimeSpan.FromSeconds(0.1));
        Assert.True(terminated);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void TimerH_NoAck_TerminatesAndReportsTimeout()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        var timedOut = false;
        tx.AckTimedOut = _ => timedOut = true;
        tx.SendResponse(tx.Request.CreateResponseTo(200, "OK", "t1"));

        _time.Step(TimeSpan.FromSeconds(31.9));
        Assert.False(timedOut);
        _time.Step(TimeSpan.FromSeconds(0.1));

        Assert.True(timedOut);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        // 200 at 0, then 0.5, 1.5, 3.5, 7.5, 11.5, ... 31.5 s: 11 sends in 32 s.
        Assert.Equal(11, flow.Sent.Count);
    }

    [Fact]
    public void Success_OverTcp_StillRetransmits2xxUntilAck()
    {
        var flow = new RecordingFlow(reliable: true);
        var tx = Create(flow);
        tx.SendResponse(tx.Request.CreateResponseTo(200, "OK", "t1"));

        _time.Step(TimeSpan.FromMilliseconds(500));
        tx.OnAck();
        _time.Step(TimeSpan.FromSeconds(10));

        Assert.Equal(2, flow.Sent.Count);
    }

    [Fact]
    public void NonSuccess_OverTcp_NoTimerGAndAckTerminatesAtOnce()
    {
        var flow = new RecordingFlow(reliable: true);
        var tx = Create(flow);
        tx.SendResponse(tx.Request.CreateResponseTo(404, "Not Found", "t1"));

        _time.Step(TimeSpan.FromSeconds(10));
        tx.OnAck();

        Assert.Single(flow.Sent);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void OnRequestRetransmission_AfterFinal_ResendsFinal()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.SendTrying();
        tx.SendResponse(tx.Request.CreateResponseTo(200, "OK", "t1"));

        tx.OnRequestRetransmission();

        Assert.Equal([100, 200, 200], flow.SentStatusCodes);
    }

    [Fact]
    public void SendResponse_AfterFinal_IsIgnored()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.SendResponse(tx.Request.CreateResponseTo(487, "Request Terminated", "t1"));

        tx.SendResponse(tx.Request.CreateResponseTo(200, "OK", "t1"));

        Assert.Equal([487], flow.SentStatusCodes);
    }

    [Fact]
    public void SendResponse_WithoutRetransmission_SentOnceAndForgottenAfterT4()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        var terminated = false;
        tx.Terminated = _ => terminated = true;

        tx.SendResponse(tx.Request.CreateResponseTo(403, "Forbidden", "t1"), retransmit: false);
        _time.Step(TimeSpan.FromSeconds(4.9));
        Assert.Single(flow.Sent);
        Assert.False(terminated);
        _time.Step(TimeSpan.FromSeconds(0.1));

        Assert.True(terminated);
        Assert.Single(flow.Sent);
    }

    [Fact]
    public void SendResponse_WithoutRetransmission_RetransmittedInviteStillGetsItOnce()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.SendResponse(tx.Request.CreateResponseTo(403, "Forbidden", "t1"), retransmit: false);

        tx.OnRequestRetransmission();

        Assert.Equal([403, 403], flow.SentStatusCodes);
    }

    [Fact]
    public void ScheduleTrying_FinalWithin200Ms_NoTrying()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.ScheduleTrying();

        _time.Step(TimeSpan.FromMilliseconds(150));
        tx.SendResponse(tx.Request.CreateResponseTo(403, "Forbidden", "t1"), retransmit: false);
        _time.Step(TimeSpan.FromSeconds(1));

        Assert.Equal([403], flow.SentStatusCodes);
    }

    [Fact]
    public void ScheduleTrying_SlowDecision_Sends100After200Ms()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.ScheduleTrying();

        _time.Step(TimeSpan.FromMilliseconds(199));
        Assert.Empty(flow.Sent);
        _time.Step(TimeSpan.FromMilliseconds(1));

        Assert.Equal([100], flow.SentStatusCodes);
    }

    [Fact]
    public void OnRequestRetransmission_BeforeAnyResponse_SendsTrying()
    {
        var flow = new RecordingFlow();
        var tx = Create(flow);
        tx.ScheduleTrying();

        tx.OnRequestRetransmission();

        Assert.Equal([100], flow.SentStatusCodes);
    }
}
