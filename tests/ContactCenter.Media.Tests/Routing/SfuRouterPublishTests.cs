using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Routing;

public sealed class SfuRouterPublishTests
{
    private readonly RouterHarness _h = new();

    [Fact]
    public void SetPublishedStreams_VideoWithoutPermission_IsRefusedAndItsPacketsDropped()
    {
        var audioOnly = _h.Join("a", audio: true, video: false);
        _h.Join("b");
        _h.Apply(("a", "*", "b"));
        var endpoint = new RecordingEndpoint();

        var error = Assert.Throws<MediaSignalingException>(() => _h.Router.SetPublishedStreams(audioOnly, endpoint,
            [new PublishedStream("1", "camera", MediaKind.Video, [2001], [RouterHarness.Vp8], 0)]));
        _h.Router.ForwardRtp(audioOnly, RouterHarness.Rtp(2001, 1, 96));

        Assert.Contains("may not publish VIDEO", error.Message, StringComparison.Ordinal);
        Assert.Empty(audioOnly.PublishedTracks);
        Assert.Empty(_h.Signals["b"].Offers);
        Assert.Equal(1, _h.Router.UnmatchedPackets);
    }

    [Fact]
    public void Unpublish_Alias_StopsForwardingAtOnce()
    {
        _h.Join("a");
        _h.Join("b");
        _h.Publish("a", audioSsrc: 1001, videoSsrc: 2001);
        _h.Apply(("a", "*", "b"));
        _h.Answer("b");

        Assert.True(_h.Router.Unpublish(_h.Participants["a"], "camera"));
        _h.Send("a", 2001, 5, payloadType: 96);
        _h.Send("a", 1001, 5);

        var only = Assert.Single(_h.Subscribes["b"].Rtp);
        Assert.Equal(_h.SlotSsrc("b", "a", "microphone"), RouterHarness.SsrcOf(only));
        Assert.Contains(_h.Signals["b"].Unavailable, s => s.Alias == "camera");
    }

    [Fact]
    public void Forward_PacketWithUndeclaredSsrc_LearnsItByPayloadTypeWhenUnambiguous()
    {
        var a = _h.Join("a");
        _h.Join("b");
        _h.Router.SetPublishedStreams(a, new RecordingEndpoint(),
            [new PublishedStream("0", "microphone", MediaKind.Audio, [], [RouterHarness.Opus], 0)]);
        _h.Apply(("a", "*", "b"));
        _h.Answer("b");

        _h.Send("a", 4242, 1);

        Assert.Single(_h.Subscribes["b"].Rtp);
        Assert.Equal(4242u, a.PublishedTracks[0].Ssrc);
    }

    [Fact]
    public void Join_SameParticipantAgain_ReplacesTheOldRegistration()
    {
        var first = _h.Join("a");
        _h.Publish("a", audioSsrc: 1001);

        var second = _h.Join("a");

        Assert.False(first.IsActive);
        Assert.True(second.IsActive);
        Assert.Empty(second.PublishedTracks);
    }
}
