using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Routing;

/// <summary>The packet path reads the table without locks while the control plane swaps it.</summary>
public sealed class SfuRouterConcurrencyTests
{
    [Fact]
    public async Task Apply_WhileAnotherThreadForwards_RemovedSubscriberGetsAtMostThePacketInFlight()
    {
        var connections = new Dictionary<string, CountingConnection>();
        var router = new SfuRouter((_, p) => connections[p.Id] = new CountingConnection());
        var signal = new RecordingSignal();
        var publisher = router.Join("a", "s", true, true, signal);
        var b = router.Join("b", "s", true, true, signal);
        var c = router.Join("c", "s", true, true, signal);
        router.SetPublishedStreams(publisher, new RecordingEndpoint(),
            [new PublishedStream("0", "microphone", MediaKind.Audio, [1001], [RouterHarness.Opus], 0)]);
        router.Apply("s", [new RouteEdge("a", "*", "b"), new RouteEdge("a", "*", "c")]);
        router.AcceptAnswer(b, "answer", b.SdpRevision);
        router.AcceptAnswer(c, "answer", c.SdpRevision);

        using var stop = new CancellationTokenSource();
        var forwarder = Task.Run(() =>
        {
            var original = RouterHarness.Rtp(1001, 1, 111);
            var packet = new byte[original.Length];
            while (!stop.IsCancellationRequested)
            {
                original.CopyTo(packet, 0); // a fresh packet each time: forwarding rewrites SSRC and PT in place
                router.ForwardRtp(publisher, packet);
            }
        });
        await WaitForAsync(() => connections["c"].Packets > 1000);

        router.Apply("s", [new RouteEdge("a", "*", "b")]);
        long atRemoval = connections["c"].Packets;
        long bAtRemoval = connections["b"].Packets;
        await WaitForAsync(() => connections["b"].Packets > bAtRemoval + 10_000);
        await stop.CancelAsync();
        await forwarder;

        Assert.InRange(connections["c"].Packets - atRemoval, 0, 1);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    private sealed class CountingConnection : ISubscribeConnection
    {
        private long _packets;
        private IReadOnlyList<OutgoingLine> _lines = [];

        public long Packets => Interlocked.Read(ref _packets);

        public bool IsConnected => true;

        public string CreateOffer(IReadOnlyList<OutgoingLine> lines)
        {
            _lines = lines;
            return "offer";
        }

        public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp) =>
            [.. _lines.Select(_ => (IReadOnlyList<NegotiatedCodec>)[RouterHarness.Opus])];

        public bool SendRtp(ReadOnlySpan<byte> packet)
        {
            Interlocked.Increment(ref _packets);
            return true;
        }

        public bool SendRtcp(ReadOnlySpan<byte> packet) => true;

        public void Close(string reason)
        {
        }
    }
}
