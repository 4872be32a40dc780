using ContactCenter.Media.Phones;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Tests.Routing;

namespace ContactCenter.Media.Tests.Phones;

/// <summary>A phone leg is an ordinary room member: no SDP, no offer, no answer, no thread hop.</summary>
public sealed class PhoneMemberTests
{
    private readonly RouterHarness _harness = new();

    [Fact]
    public void Apply_AgentToPhoneEdge_PhoneIsATargetOfTheAgentsTrackWhenApplyReturns()
    {
        _harness.Join("agent", video: false);
        _harness.Publish("agent", audioSsrc: 1001);
        var target = new RecordingAudioTarget();
        var phone = new PhoneMediaEndpoint(target, "PCMU", 0);
        var member = _harness.Router.JoinPhone("phone", RouterHarness.Session, phone, "microphone");

        _harness.Apply(("agent", "microphone", "phone"));

        // Bound and forwarding in the same call: nothing was offered, nothing waits for an answer.
        var track = Assert.Single(_harness.Participants["agent"].Tracks);
        var edge = Assert.Single(track.Targets);
        Assert.Same(phone, edge.Endpoint);
        Assert.Equal(0, member.SdpRevision);
        Assert.Equal([track.StreamId], phone.StreamKeys);
        Assert.Equal([track.StreamId], target.Last);

        _harness.Send("agent", 1001, 1);
        var (key, packet) = Assert.Single(target.Received);
        Assert.Equal(track.StreamId, key);
        Assert.Equal(PhoneMediaEndpoint.OpusPayloadType, packet[1] & 0x7F);
        Assert.Equal(edge.Ssrc, RouterHarness.SsrcOf(packet));
    }

    [Fact]
    public void Apply_EdgeRemoved_PhoneLeavesTheMixAndTheTargetsInTheSameCall()
    {
        _harness.Join("agent", video: false);
        _harness.Publish("agent", audioSsrc: 1001);
        var target = new RecordingAudioTarget();
        var phone = new PhoneMediaEndpoint(target, "PCMA", 8);
        _harness.Router.JoinPhone("phone", RouterHarness.Session, phone, "microphone");
        _harness.Apply(("agent", "microphone", "phone"));

        _harness.Apply(("phone", "microphone", "agent"));

        Assert.Empty(_harness.Participants["agent"].Tracks[0].Targets);
        Assert.Empty(phone.StreamKeys);
        Assert.Empty(target.Last);
        _harness.Send("agent", 1001, 2);
        Assert.Empty(target.Received);
    }

    [Fact]
    public void Apply_VideoEdgeToPhone_VideoIsNeverBound()
    {
        _harness.Join("agent");
        _harness.Publish("agent", audioSsrc: 1001, videoSsrc: 2001);
        var target = new RecordingAudioTarget();
        var phone = new PhoneMediaEndpoint(target, "PCMU", 0);
        _harness.Router.JoinPhone("phone", RouterHarness.Session, phone, "microphone");

        _harness.Apply(("agent", "*", "phone"));

        var tracks = _harness.Participants["agent"].Tracks;
        Assert.Single(tracks.Single(t => t.Alias == "microphone").Targets);
        Assert.Empty(tracks.Single(t => t.Alias == "camera").Targets);
        Assert.Single(phone.StreamKeys);
    }

    private sealed class RecordingAudioTarget : IPhoneAudioTarget
    {
        public List<string[]> History { get; } = [];

        public string[] Last => History.Count == 0 ? [] : History[^1];

        public List<(string Key, byte[] Packet)> Received { get; } = [];

        public void SetStreams(IReadOnlyList<string> streamKeys) => History.Add([.. streamKeys]);

        public void OnOpusRtp(string streamKey, ReadOnlySpan<byte> rtpPacket) => Received.Add((streamKey, rtpPacket.ToArray()));
    }
}
