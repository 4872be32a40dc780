using System.Buffers.Binary;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Routing;

/// <summary>
/// An <see cref="SfuRouter"/> over test doubles: participants join with a recording signal, publish through a
/// recording endpoint, and their subscribe connections are fakes the test answers.
/// </summary>
internal sealed class RouterHarness
{
    public const string Session = "s1";

    public RouterHarness()
    {
        Router = new SfuRouter(
            (_, participant) =>
            {
                var connection = new FakeSubscribeConnection();
                Subscribes[participant.Id] = connection;
                return connection;
            },
            new SfuRouterOptions { KeyframeRequestInterval = TimeSpan.FromMilliseconds(500) },
            timeProvider: Clock);
    }

    public RouterClock Clock { get; } = new();

    public SfuRouter Router { get; }

    public Dictionary<string, FakeSubscribeConnection> Subscribes { get; } = [];

    public Dictionary<string, RecordingSignal> Signals { get; } = [];

    public Dictionary<string, RecordingEndpoint> Publishers { get; } = [];

    public Dictionary<string, SfuParticipant> Participants { get; } = [];

    public static NegotiatedCodec Opus => new(111, "opus", 48000, 2, null, []);

    public static NegotiatedCodec Vp8 => new(96, "VP8", 90000, null, null, []);

    public SfuParticipant Join(string id, bool audio = true, bool video = true)
    {
        var signal = new RecordingSignal();
        Signals[id] = signal;
        var participant = Router.Join(id, Session, audio, video, signal);
        Participants[id] = participant;
        return participant;
    }

    /// <summary>Publishes microphone (Opus, SSRC 1000+n) and, when asked, camera (VP8, SSRC 2000+n).</summary>
    public void Publish(string id, uint audioSsrc, uint videoSsrc = 0)
    {
        var streams = new List<PublishedStream> { new("0", "microphone", MediaKind.Audio, [audioSsrc], [Opus], 0) };
        if (videoSsrc != 0)
        {
            streams.Add(new PublishedStream("1", "camera", MediaKind.Video, [videoSsrc], [Vp8], 0));
        }

        var endpoint = new RecordingEndpoint();
        Publishers[id] = endpoint;
        Router.SetPublishedStreams(Participants[id], endpoint, streams);
    }

    public void Apply(params (string Publisher, string Alias, string Subscriber)[] edges) =>
        Router.Apply(Session, [.. edges.Select(e => new RouteEdge(e.Publisher, e.Alias, e.Subscriber))]);

    /// <summary>Answers the subscriber's pending offer (the fake connection picks the codecs).</summary>
    public void Answer(string id) => Router.AcceptAnswer(Participants[id], "answer", Participants[id].SdpRevision);

    public void Send(string publisher, uint ssrc, ushort sequence, byte payloadType = 111, int payload = 100, bool marker = false)
    {
        var packet = Rtp(ssrc, sequence, payloadType, payload, marker);
        Router.ForwardRtp(Participants[publisher], packet);
    }

    public static byte[] Rtp(uint ssrc, ushort sequence, byte payloadType, int payload = 100, bool marker = false)
    {
        var packet = new byte[12 + payload];
        packet[0] = 0x80;
        packet[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 1234u * sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        packet.AsSpan(12).Fill(0xAB);
        return packet;
    }

    public static uint SsrcOf(byte[] rtp) => BinaryPrimitives.ReadUInt32BigEndian(rtp.AsSpan(8));

    public static ushort SequenceOf(byte[] rtp) => BinaryPrimitives.ReadUInt16BigEndian(rtp.AsSpan(2));

    /// <summary>Our SSRC on the subscriber's m-line carrying <paramref name="alias"/> of <paramref name="publisher"/>.</summary>
    public uint SlotSsrc(string subscriber, string publisher, string alias) =>
        Signals[subscriber].Offers[^1].Streams.Single(s => s.PublisherId == publisher && s.Alias == alias).Ssrc;
}
