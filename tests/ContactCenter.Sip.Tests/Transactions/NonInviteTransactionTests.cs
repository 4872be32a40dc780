using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.TestDoubles;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class NonInviteTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipTimerOptions _timers = new();

    [Fact]
    public void Server_RetransmissionInTrying_IsAbsorbedSilently()
    {
        var flow = new RecordingFlow();
        var tx = new NonInviteServerTransaction("k", SipRequests.Bye(), flow, _time, _timers);

        tx.OnRequestRetransmission();

        Assert.Empty(flow.Sent);
    }

    [Fact]
    public void Server_RetransmissionInCompleted_ResendsFinal()
    {
        var flow = new RecordingFlow();
        var tx = new NonInviteServerTransaction("k", SipRequests.Bye(), flow, _time, _timers);
        tx.SendResponse(tx.Request.CreateResponseTo(200, "OK"));

        tx.OnRequestRetransmission();
        tx.OnRequestRetransmission();

        Assert.Equal([200, 200, 200], flow.SentStatusCodes);
    }

    [Fact]
    public void Server_TimerJ_TerminatesAfter64T1OverUdp()
    {
        var flow = new RecordingFlow();
        var tx = new NonInviteServerTransaction("k", SipRequests.Bye(), flow, _time, _timers);
        var terminated = false;
        tx.Terminated = _ => terminated = true;
        tx.SendResponse(tx.Request.CreateResponseTo(200, "OK"));

        _time.Step(TimeSpan.FromSeconds(31.9));
        Assert.False(terminated);
        _time.Step(TimeSpan.FromSeconds(0.1));

        Assert.True(terminated);
        Assert.Single(flow.Sent);
    }

    [Fact]
    public void Server_OverTcp_TerminatesAtOnce()
    {
        var flow = new RecordingFlow(reliable: true);
        var tx = new NonInviteServerTransaction("k", SipRequests.Bye(), flow, _time, _timers);

        tx.SendResponse(tx.Request.CreateResponseTo(200, "OK"));

        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Client_NoResponse_RetransmitsOnTimerEAndTimesOutOnTimerF()
    {
        var flow = new RecordingFlow();
        var tx = new NonInviteClientTransaction("k", SipRequests.Bye(), flow, _time, _timers);

        tx.Start();
        _time.Step(TimeSpan.FromMilliseconds(500));   // 2nd
        _time.Step(TimeSpan.FromMilliseconds(1000));  // 3rd
        _time.Step(TimeSpan.FromMilliseconds(2000));  // 4th
        _time.Step(TimeSpan.FromMilliseconds(4000));  // 5th (capped at T2)
        Assert.Equal(5, flow.Sent.Count);
        Assert.False(tx.Completion.IsCompleted);
        _time.Step(TimeSpan.FromSeconds(24.5));       // 32 s: Timer F

        Assert.Null(await tx.Completion);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.All(flow.Sent, s => Assert.StartsWith("BYE ", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_FinalResponse_CompletesAndStopsRetransmitting()
    {
        var flow = new RecordingFlow();
        var tx = new NonInviteClientTransaction("k", SipRequests.Bye(), flow, _time, _timers);
        tx.Start();

        tx.OnResponse(tx.Request.CreateResponseTo(200, "OK"));
        _time.Step(TimeSpan.FromSeconds(4));

        var response = await tx.Completion;
        Assert.Equal(200, response!.StatusCode);
        Assert.Single(flow.Sent);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        _time.Step(TimeSpan.FromSeconds(1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Client_AfterProvisional_RetransmitsEveryT2()
    {
        var flow = new RecordingFlow();
        var tx = new NonInviteClientTransaction("k", SipRequests.Bye(), flow, _time, _timers);
        tx.Start();
        tx.OnResponse(tx.Request.CreateResponseTo(100, "Trying"));

        _time.Step(TimeSpan.FromMilliseconds(500));
        _time.Step(TimeSpan.FromSeconds(4));

        Assert.Equal(3, flow.Sent.Count);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void Keys_AckMatchesInviteServerTransaction()
    {
        var invite = SipRequests.Invite("z9hG4bKsame");
        var ack = SipRequests.Parse(
            "ACK sip:cc@127.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKsame\n" +
            "From: <sip:alice@127.0.0.1>;tag=f1\nTo: <sip:cc@127.0.0.1>;tag=t\nCall-ID: call-1\nCSeq: 1 ACK\n\n");
        var other = SipRequests.Invite("z9hG4bKother");

        Assert.Equal(SipTransactionKeys.ForServer(invite), SipTransactionKeys.ForServer(ack));
        Assert.NotEqual(SipTransactionKeys.ForServer(invite), SipTransactionKeys.ForServer(other));
        Assert.NotNull(SipMessage.CreateResponse(200, "OK"));
    }
}
