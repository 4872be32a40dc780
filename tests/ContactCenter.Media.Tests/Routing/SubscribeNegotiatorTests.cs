using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Routing;

/// <summary>The per-participant offer/answer state machine of the subscribe connection.</summary>
public sealed class SubscribeNegotiatorTests
{
    private readonly SfuRouter _router = new((_, _) => new FakeSubscribeConnection());
    private readonly RecordingSignal _signal = new();
    private readonly FakeSubscribeConnection _connection = new();
    private readonly SubscribeNegotiator _negotiator;
    private readonly SfuParticipant _publisher;

    public SubscribeNegotiatorTests()
    {
        _negotiator = _router.Join("b", null, true, true, _signal).Negotiator;
        _publisher = _router.Join("a", null, true, true, new RecordingSignal());
        _router.SetPublishedStreams(_publisher, new RecordingEndpoint(),
        [
            new PublishedStream("0", "microphone", MediaKind.Audio, [1001], [RouterHarness.Opus], 0),
            new PublishedStream("1", "camera", MediaKind.Video, [2001], [RouterHarness.Vp8], 0),
            new PublishedStream("2", "screen", MediaKind.Video, [3001], [RouterHarness.Vp8], 0),
        ]);
    }

    private PublishedTrack Microphone => _publisher.Tracks[0];

    private PublishedTrack Camera => _publisher.Tracks[1];

    private PublishedTrack Screen => _publisher.Tracks[2];

    [Fact]
    public void Rebind_NewTrack_StaysPausedUntilItsOfferIsAnswered()
    {
        Assert.True(_negotiator.Rebind([Microphone]));
        Assert.False(_negotiator.TryGetNegotiated(Microphone, out _, out _, out _)); // bound, not offered

        Offer();
        Assert.False(_negotiator.TryGetNegotiated(Microphone, out _, out _, out _)); // offered, not answered

        _negotiator.AcceptAnswer("answer", _negotiator.SdpRevision);
        Assert.True(_negotiator.TryGetNegotiated(Microphone, out uint ssrc, out var codecs, out var connection));
        Assert.NotEqual(0u, ssrc);
        Assert.Equal("opus", Assert.Single(codecs).Name);
        Assert.Same(_connection, connection);
        Assert.Equal("microphone", Assert.Single(_signal.Available).Alias);
    }

    [Fact]
    public void Rebind_TrackReplacedBySameKind_ReusesTheMLineWithANewSsrc()
    {
        _negotiator.Rebind([Microphone, Camera]);
        Offer();
        _negotiator.AcceptAnswer("answer", 1);
        _negotiator.TryGetNegotiated(Camera, out uint cameraSsrc, out _, out _);

        _negotiator.Rebind([Microphone, Screen]);
        Offer();

        Assert.Equal(2, _negotiator.SdpRevision);
        var lines = _connection.Offers[^1];
        Assert.Equal(2, lines.Count); // RFC 3264 §8: the video line is reused, not added
        Assert.Equal("a-2", lines[1].StreamId);
        Assert.NotEqual(cameraSsrc, lines[1].Ssrc);
        Assert.Equal("camera", Assert.Single(_signal.Unavailable).Alias);
    }

    [Fact]
    public void Rebind_WhileOfferPending_OffersOnceMoreOnlyAfterTheAnswer()
    {
        _negotiator.Rebind([Microphone]);
        Offer();
        Assert.True(_negotiator.Rebind([Microphone, Camera]));

        Offer(); // an offer is outstanding: nothing is sent
        Assert.Equal(1, _negotiator.SdpRevision);

        _negotiator.AcceptAnswer("answer", 1);
        Offer();
        Assert.Equal(2, _negotiator.SdpRevision);
        Assert.Equal(2, _connection.Offers[^1].Count);
        Assert.False(_negotiator.TryGetNegotiated(Camera, out _, out _, out _));
    }

    [Fact]
    public void AcceptAnswer_WrongRevision_IsRefusedAndStateKept()
    {
        _negotiator.Rebind([Microphone]);
        Offer();

        var ex = Assert.Throws<MediaSignalingException>(() => _negotiator.AcceptAnswer("answer", 7));

        Assert.Contains("revision 1", ex.Message, StringComparison.Ordinal);
        Assert.True(_negotiator.HasPendingOffer);
        Assert.False(_negotiator.TryGetNegotiated(Microphone, out _, out _, out _));
    }

    [Fact]
    public void Detach_AfterOffer_ReturnsTheConnectionAndOffersNoMore()
    {
        _negotiator.Rebind([Microphone]);
        Offer();

        Assert.Same(_connection, _negotiator.Detach());
        _negotiator.Rebind([Microphone, Camera]);
        Offer();

        Assert.Equal(1, _negotiator.SdpRevision);
        Assert.Empty(_negotiator.Slots);
    }

    [Fact]
    public void RequestOffer_IceRestart_GoesIntoTheNextOfferOnlyAndWaitsForAPendingAnswer()
    {
        _negotiator.Rebind([Microphone]);
        Offer(); // a new connection has fresh credentials: no restart
        _negotiator.RequestOffer(() => _connection, (_, _, _) => { });
        Assert.Empty(_connection.IceRestarts); // an offer is outstanding

        _negotiator.AcceptAnswer("answer", 1);
        Offer();
        Assert.Equal([1], _connection.IceRestarts); // restarted right before the second offer was written
        Assert.Equal(2, _negotiator.SdpRevision);

        _negotiator.AcceptAnswer("answer", 2);
        _negotiator.RequestOffer(() => _connection, (_, _, _) => { });
        Assert.Equal([1, 2], _connection.IceRestarts);
        Assert.Equal(3, _negotiator.SdpRevision);

        _negotiator.AcceptAnswer("answer", 3);
        _negotiator.Rebind([Microphone, Camera]);
        Offer(); // a plain renegotiation keeps the credentials
        Assert.Equal([1, 2], _connection.IceRestarts);
    }

    private void Offer() => _negotiator.OfferIfNeeded(() => _connection, (_, _, _) => { });
}
