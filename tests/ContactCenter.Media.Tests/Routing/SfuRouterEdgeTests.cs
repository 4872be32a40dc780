using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Routing;

public sealed class SfuRouterEdgeTests
{
    private readonly RouterHarness _h = new();

    [Fact]
    public void Apply_NewEdge_OffersSubscriberAndForwardsOnlyAfterTheAnswer()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001);

        _h.Apply(("a", RouteEdge.AnyAlias, "b"));
        var offer = Assert.Single(_h.Signals["b"].Offers);
        Assert.Equal(1, offer.SdpRevision);
        var stream = Assert.Single(offer.Streams);
        Assert.Equal(("a", "microphone", MediaKind.Audio), (stream.PublisherId, stream.Alias, stream.Kind));

        _h.Send("a", 1001, 1);
        Assert.Empty(_h.Subscribes["b"].Rtp); // the browser could not demultiplex it yet

        _h.Answer("b");
        _h.Send("a", 1001, 2);
        var forwarded = Assert.Single(_h.Subscribes["b"].Rtp);
        Assert.Equal(stream.Ssrc, RouterHarness.SsrcOf(forwarded));
        Assert.Equal(2, RouterHarness.SequenceOf(forwarded));
        Assert.Single(_h.Signals["b"].Available);
    }

    [Fact]
    public void Apply_EdgeRemoved_NextPacketIsNotForwardedBeforeAnyRenegotiation()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Join("c");
        _h.Publish("a", audioSsrc: 1001);
        _h.Apply(("a", "*", "b"), ("a", "*", "c"));
        _h.Answer("b");
        _h.Answer("c");
        _h.Send("a", 1001, 1);

        _h.Apply(("a", "*", "c"));
        _h.Send("a", 1001, 2);

        Assert.Single(_h.Subscribes["b"].Rtp);
        Assert.Equal(2, _h.Subscribes["c"].Rtp.Count);
        Assert.Equal(2, _h.Participants["b"].SdpRevision); // the offer that retires the line is still unanswered
        Assert.Single(_h.Signals["b"].Unavailable);
    }

    [Fact]
    public void Apply_WholeSet_ReplacesThePreviousSetInOneStep()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Join("c");
        _h.Publish("a", audioSsrc: 1001);
        _h.Publish("b", audioSsrc: 2001);
        _h.Apply(("a", "*", "b"), ("a", "*", "c"));
        _h.Answer("b");
        _h.Answer("c");
        var aTrack = _h.Participants["a"].Tracks[0];
        var before = aTrack.Targets;

        _h.Apply(("b", "*", "c"), ("a", "*", "c"));
        var after = aTrack.Targets;
        _h.Send("a", 1001, 1);
        _h.Send("b", 2001, 1);

        Assert.NotSame(before, after); // one new array, swapped in one write
        Assert.Equal(2, before.Length);
        Assert.Equal("c", Assert.Single(after).Subscriber.Id);
        Assert.Empty(_h.Subscribes["b"].Rtp);
        Assert.Single(_h.Subscribes["c"].Rtp); // b→c waits for c's answer; a→c never stopped
        _h.Answer("c");
        _h.Send("b", 2001, 2);
        Assert.Equal(2, _h.Subscribes["c"].Rtp.Count);
    }

    [Fact]
    public void Forward_EdgeCounters_CountPacketsAndBytesPerEdge()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001);
        _h.Apply(("a", "microphone", "b"));
        _h.Answer("b");

        _h.Send("a", 1001, 1, payload: 100);
        _h.Send("a", 1001, 2, payload: 50);

        var counters = _h.Router.CountersOf("a", "microphone", "b")!;
        Assert.Equal(2, counters.Packets);
        Assert.Equal(112 + 62, counters.Bytes);
        var row = Assert.Single(_h.Router.Snapshot(RouterHarness.Session));
        Assert.Equal(new EdgeSnapshot("a", "microphone", "b", 2, 174), row);
    }

    [Fact]
    public void Forward_SubscriberNumbersOpusDifferently_RewritesPayloadTypeKeepingMarker()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001);
        _h.Apply(("a", "*", "b"));
        _h.Subscribes["b"].OpusPayloadType = 109;
        _h.Answer("b");

        _h.Send("a", 1001, 1, payloadType: 111, marker: true);

        var forwarded = Assert.Single(_h.Subscribes["b"].Rtp);
        Assert.Equal(109, forwarded[1] & 0x7F);
        Assert.Equal(0x80, forwarded[1] & 0x80);
    }

    [Fact]
    public void Forward_PayloadTypeTheSubscriberDidNotNegotiate_IsNotSent()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001);
        _h.Apply(("a", "*", "b"));
        _h.Answer("b");

        _h.Send("a", 1001, 1, payloadType: 0); // PCMU: the publisher did not negotiate it either

        Assert.Empty(_h.Subscribes["b"].Rtp);
    }

    [Fact]
    public void Apply_AliasEdge_ForwardsOnlyThatStream()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001, videoSsrc: 2001);
        _h.Apply(("a", "microphone", "b"));
        _h.Answer("b");

        _h.Send("a", 1001, 1);
        _h.Send("a", 2001, 1, payloadType: 96);

        Assert.Single(_h.Subscribes["b"].Rtp);
        Assert.Single(Assert.Single(_h.Subscribes["b"].Offers));
        Assert.Equal(0, _h.Router.CountersOf("a", "camera", "b")?.Packets ?? 0);
    }

    [Fact]
    public void Rebind_StreamReplacedByAnotherOfTheSameKind_ReusesTheMLineWithANewSsrc()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Join("c");
        _h.Publish("a", audioSsrc: 1001);
        _h.Publish("c", audioSsrc: 3001);
        _h.Apply(("a", "*", "b"));
        _h.Answer("b");
        uint first = _h.SlotSsrc("b", "a", "microphone");

        _h.Apply(("c", "*", "b"));

        var lines = _h.Subscribes["b"].Offers[^1];
        var line = Assert.Single(lines);
        Assert.True(line.Send);
        Assert.NotEqual(first, line.Ssrc);
        Assert.Equal(2, _h.Participants["b"].SdpRevision);
    }

    [Fact]
    public void AcceptAnswer_WrongRevision_IsRefusedWithTheReason()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001);
        _h.Apply(("a", "*", "b"));

        var error = Assert.Throws<MediaSignalingException>(() => _h.Router.AcceptAnswer(_h.Participants["b"], "answer", 7));
        Assert.Contains("pending offer is revision 1", error.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<MediaSignalingException>(() => _h.Router.AcceptAnswer(_h.Participants["b"], "bad", 1));
        Assert.Contains("m-line", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_WhileAnOfferIsPending_WaitsForTheAnswerThenOffersAgain()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Join("c");
        _h.Publish("a", audioSsrc: 1001);
        _h.Publish("c", audioSsrc: 3001);
        _h.Apply(("a", "*", "b"));
        _h.Apply(("a", "*", "b"), ("c", "*", "b"));
        Assert.Single(_h.Signals["b"].Offers);

        _h.Answer("b");

        Assert.Equal(2, _h.Signals["b"].Offers.Count);
        Assert.Equal(2, _h.Signals["b"].Offers[^1].Streams.Count);
    }

    [Fact]
    public void Leave_Subscriber_ClosesItsConnectionAndStopsForwarding()
    {
        _h.Join("a");
        var b = _h.Join("b");
        _h.Publish("a", audioSsrc: 1001);
        _h.Apply(("a", "*", "b"));
        _h.Answer("b");
        var connection = _h.Subscribes["b"];

        _h.Router.Leave(b, "test");
        _h.Send("a", 1001, 1);

        Assert.True(connection.Closed);
        Assert.Empty(connection.Rtp);
        Assert.Empty(_h.Participants["a"].Tracks[0].Targets);
    }

    [Fact]
    public void RemoveSession_StopsForwardingAndForgetsItsEdges()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001);
        _h.Apply(("a", "*", "b"));
        _h.Answer("b");
        _h.Send("a", 1001, 1);

        _h.Router.RemoveSession(RouterHarness.Session);
        _h.Send("a", 1001, 2);

        Assert.Single(_h.Subscribes["b"].Rtp);
        Assert.Empty(_h.Router.Snapshot(RouterHarness.Session));
        Assert.Null(_h.Router.CountersOf("a", "microphone", "b"));
    }
}
