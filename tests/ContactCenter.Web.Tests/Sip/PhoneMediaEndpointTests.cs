using System.Buffers.Binary;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Phones;
using ContactCenter.Media.Routing;

namespace ContactCenter.Web.Tests.Sip;

/// <summary>A phone leg in the real SfuRouter with browser stand-ins: the mix follows the edges, and the phone's G.711 is forwarded.</summary>
public sealed class PhoneMediaEndpointTests
{
    private static readonly NegotiatedCodec s_opus = new(111, "opus", 48000, 2, null, []);

    [Fact]
    public void SetStreams_WhisperThenBargeThenWhisper_MixIsExactlyThePhonesEdges()
    {
        var (router, browsers) = CreateRouter();
        var agent = JoinBrowser(router, browsers, "agent");
        var supervisor = JoinBrowser(router, browsers, "supervisor");
        var target = new RecordingTarget();
        var phone = new PhoneMediaEndpoint(target, "PCMU", 0);
        var participant = router.JoinPhone("phone", "s1", phone, "microphone");

        router.Apply("s1", Whisper());
        AssertNotNegotiated(participant);
        Assert.Equal(["agent-0"], target.Last);

        router.Apply("s1", [.. Whisper(), new RouteEdge("supervisor", "microphone", "phone")]);
        AssertNotNegotiated(participant);
        Assert.Equal(["agent-0", "supervisor-0"], target.Last.Order());

        router.Apply("s1", Whisper());
        AssertNotNegotiated(participant);
        Assert.Equal(["agent-0"], target.Last);
        Assert.DoesNotContain(target.History, set => set.Contains("phone-phone"));
        _ = agent;
        _ = supervisor;
    }

    [Fact]
    public void OnPhoneRtp_AgentSubscribed_ForwardsG711WithTheAgentsSsrc()
    {
        var (router, browsers) = CreateRouter();
        var agent = JoinBrowser(router, browsers, "agent");
        var phone = new PhoneMediaEndpoint(new RecordingTarget(), "PCMU", 0);
        router.JoinPhone("phone", "s1", phone, "microphone");
        router.Apply("s1", [new RouteEdge("phone", "microphone", "agent")]);
        var connection = browsers["agent"];
        router.AcceptAnswer(agent, "answer", connection.Signal.LastRevision);

        var packet = new byte[12 + 160];
        packet[0] = 0x80;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0xABCDEF01);
        phone.OnPhoneRtp(packet);

        var sent = Assert.Single(connection.Sent);
        Assert.Equal(0, sent[1] & 0x7F);
        Assert.NotEqual(0xABCDEF01u, BinaryPrimitives.ReadUInt32BigEndian(sent.AsSpan(8)));
        Assert.Equal(0xABCDEF01u, BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8)));
    }

    [Fact]
    public void Leave_PhoneLeft_NothingMoreIsForwarded()
    {
        var (router, browsers) = CreateRouter();
        var agent = JoinBrowser(router, browsers, "agent");
        var phone = new PhoneMediaEndpoint(new RecordingTarget(), "PCMA", 8);
        router.JoinPhone("phone", "s1", phone, "microphone");
        router.Apply("s1", [new RouteEdge("phone", "microphone", "agent")]);
        router.AcceptAnswer(agent, "answer", browsers["agent"].Signal.LastRevision);

        phone.Leave("hung up");
        var packet = new byte[12 + 160];
        packet[0] = 0x80;
        packet[1] = 8;
        phone.OnPhoneRtp(packet);

        Assert.Empty(browsers["agent"].Sent);
        Assert.Null(router.Find("phone"));
    }

    /// <summary>
    /// The phone is a plain room member: its mix changed within Apply itself (nothing to wait for), and no offer
    /// was ever made to it.
    /// </summary>
    private static void AssertNotNegotiated(SfuParticipant participant) => Assert.Equal(0, participant.SdpRevision);

    /// <summary>Whisper for a phone customer: it receives the agent; the agent receives both; the supervisor receives both.</summary>
    private static RouteEdge[] Whisper() =>
    [
        new("agent", "microphone", "phone"),
        new("phone", "microphone", "agent"),
        new("supervisor", "microphone", "agent"),
        new("phone", "microphone", "supervisor"),
        new("agent", "microphone", "supervisor"),
    ];

    private static (SfuRouter Router, Dictionary<string, FakeSubscribe> Browsers) CreateRouter()
    {
        var browsers = new Dictionary<string, FakeSubscribe>(StringComparer.Ordinal);
        var router = new SfuRouter((_, participant) => browsers[participant.Id]);
        return (router, browsers);
    }

    private static SfuParticipant JoinBrowser(SfuRouter router, Dictionary<string, FakeSubscribe> browsers, string id)
    {
        var signal = new FakeSignal();
        browsers[id] = new FakeSubscribe(signal);
        var participant = router.Join(id, "s1", canPublishAudio: true, canPublishVideo: false, signal);
        router.SetPublishedStreams(participant, browsers[id], [new PublishedStream("0", "microphone", MediaKind.Audio, [1000u + (uint)id.Length], [s_opus], 0)]);
        return participant;
    }

    private sealed class RecordingTarget : IPhoneAudioTarget
    {
        public List<string[]> History { get; } = [];

        public string[] Last => History.Count == 0 ? [] : History[^1];

        public void SetStreams(IReadOnlyList<string> streamKeys) => History.Add([.. streamKeys]);

        public void OnOpusRtp(string streamKey, ReadOnlySpan<byte> rtpPacket)
        {
        }
    }

    private sealed class FakeSignal : ISfuSignal
    {
        public int LastRevision { get; private set; }

        public void SendOffer(SubscribeOffer offer) => LastRevision = offer.SdpRevision;

        public void StreamAvailable(OfferedStream stream)
        {
        }

        public void StreamUnavailable(OfferedStream stream)
        {
        }
    }

    /// <summary>A browser's subscribe connection as Chromium answers: Opus, PCMU and PCMA on every audio line.</summary>
    private sealed class FakeSubscribe(FakeSignal signal) : ISubscribeConnection
    {
        private int _lines;

        public FakeSignal Signal { get; } = signal;

        public List<byte[]> Sent { get; } = [];

        public bool IsConnected => true;

        public string CreateOffer(IReadOnlyList<OutgoingLine> lines)
        {
            _lines = lines.Count;
            return "offer";
        }

        public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp) =>
            [.. Enumerable.Range(0, _lines).Select(_ => (IReadOnlyList<NegotiatedCodec>)
                [s_opus, new NegotiatedCodec(0, "PCMU", 8000, null, null, []), new NegotiatedCodec(8, "PCMA", 8000, null, null, [])])];

        public bool SendRtp(ReadOnlySpan<byte> packet)
        {
            Sent.Add(packet.ToArray());
            return true;
        }

        public bool SendRtcp(ReadOnlySpan<byte> packet) => true;

        public void Close(string reason)
        {
        }
    }
}
