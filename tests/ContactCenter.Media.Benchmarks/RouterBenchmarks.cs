using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// One fan-out step of the SFU (SfuRouter.ForwardRtp): find the publisher's track, store the packet in the
/// retransmission cache (video), read the forwarding table, and for each subscriber rewrite SSRC/PT and
/// SRTP-protect a copy into a pooled buffer, as PeerConnection.SendRtp does (minus the socket send).
/// [MemoryDiagnoser] must show 0 B allocated per operation.
/// </summary>
[MemoryDiagnoser]
public class RouterBenchmarks
{
    private SfuRouter _router = null!;
    private SfuParticipant _publisher = null!;
    private byte[] _packet = null!;
    private ushort _sequence;

    [Params(1, 4, 19)]
    public int Subscribers { get; set; }

    [Params(MediaKind.Audio, MediaKind.Video)]
    public MediaKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _router = new SfuRouter((_, _) => new ProtectingConnection());
        var signal = new NullSignal();
        _publisher = _router.Join("publisher", "s", true, true, signal);
        var codec = Kind == MediaKind.Audio
            ? new NegotiatedCodec(111, "opus", 48000, 2, null, [])
            : new NegotiatedCodec(96, "VP8", 90000, null, null, []);
        _router.SetPublishedStreams(_publisher, new ProtectingConnection(),
            [new PublishedStream("0", "stream", Kind, [0x1234], [codec], 0)]);
        var edges = new List<RouteEdge>();
        var subscribers = new List<SfuParticipant>();
        for (int i = 0; i < Subscribers; i++)
        {
            var id = "subscriber" + i;
            subscribers.Add(_router.Join(id, "s", true, true, signal));
            edges.Add(new RouteEdge("publisher", RouteEdge.AnyAlias, id));
        }

        _router.Apply("s", edges);
        foreach (var subscriber in subscribers)
        {
            _router.AcceptAnswer(subscriber, "answer", subscriber.SdpRevision);
        }

        _packet = new byte[12 + (Kind == MediaKind.Audio ? 120 : 1100)];
        _packet[0] = 0x80;
        _packet[1] = (byte)codec.PayloadType;
        BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(8), 0x1234);
    }

    [Benchmark]
    public void FanOut()
    {
        // The receive loop hands the router the decrypted packet; the router rewrites it per target.
        BinaryPrimitives.WriteUInt16BigEndian(_packet.AsSpan(2), ++_sequence);
        BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(8), 0x1234);
        _packet[1] = (byte)(Kind == MediaKind.Audio ? 111 : 96);
        _router.ForwardRtp(_publisher, _packet);
    }

    /// <summary>A subscribe connection whose send path is PeerConnection's: copy into a pooled buffer and protect.</summary>
    private sealed class ProtectingConnection : ISubscribeConnection
    {
        private readonly SrtpSession _srtp = new(SrtpProfile.AeadAes128Gcm, new byte[16], new byte[12]);
        private IReadOnlyList<OutgoingLine> _lines = [];

        public bool IsConnected => true;

        public string CreateOffer(IReadOnlyList<OutgoingLine> lines)
        {
            _lines = lines;
            return "offer";
        }

        public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp) =>
            [.. _lines.Select(l => (IReadOnlyList<NegotiatedCodec>)(l.Kind == MediaKind.Audio
                ? [new NegotiatedCodec(111, "opus", 48000, 2, null, [])]
                : [new NegotiatedCodec(96, "VP8", 90000, null, null, [])]))];

        public bool SendRtp(ReadOnlySpan<byte> packet)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(1500);
            packet.CopyTo(buffer);
            bool ok = _srtp.TryProtectRtp(buffer, packet.Length, out _);
            ArrayPool<byte>.Shared.Return(buffer);
            return ok;
        }

        public bool SendRtcp(ReadOnlySpan<byte> packet) => true;

        public void Close(string reason)
        {
        }
    }

    private sealed class NullSignal : ISfuSignal
    {
        public void SendOffer(SubscribeOffer offer)
        {
        }

        public void StreamAvailable(OfferedStream stream)
        {
        }

        public void StreamUnavailable(OfferedStream stream)
        {
        }
    }
}
