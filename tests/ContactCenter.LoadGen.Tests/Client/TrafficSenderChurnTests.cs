using System.Diagnostics;
using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Client;

/// <summary>Streams added to and removed from a running sender (the churn scenario's calls arriving and ending).</summary>
public sealed class TrafficSenderChurnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Add_WhileRunning_StreamIsSentThenRemove_StopsIt()
    {
        var stats = new LoadStats();
        await using var peer = new ClientPeer("churn-test", stats); // not connected: packets are written, not sent
        var stream = new OutboundStream(peer, streamId: 1, ssrc: 1234, video: false);
        var sender = new TrafficSender([], threads: 1, videoPacketsPerFrame: 5, videoPayload: 1000, audioPacketsPerSecond: 1000);
        sender.Start();
        try
        {
            Assert.Equal(0, sender.StreamCount);
            sender.Add([stream]);
            Assert.Equal(1, sender.StreamCount);
            await WaitUntilAsync(() => stream.PacketsSent > 0);

            sender.Remove([stream]);
            Assert.Equal(0, sender.StreamCount);
            // A pass that read the old list may still write one round; after it, the count stays.
            await Task.Delay(50);
            long after = stream.PacketsSent;
            await Task.Delay(200);
            Assert.Equal(after, stream.PacketsSent);
        }
        finally
        {
            sender.Stop();
        }
    }

    [Fact]
    public async Task Remove_OneOfTwo_TheOtherKeepsGoing()
    {
        var stats = new LoadStats();
        await using var peerA = new ClientPeer("churn-a", stats);
        await using var peerB = new ClientPeer("churn-b", stats);
        var a = new OutboundStream(peerA, 1, 1, video: false);
        var b = new OutboundStream(peerB, 2, 2, video: false);
        var sender = new TrafficSender([a, b], threads: 2, videoPacketsPerFrame: 5, videoPayload: 1000, audioPacketsPerSecond: 1000);
        sender.Start();
        try
        {
            await WaitUntilAsync(() => a.PacketsSent > 0 && b.PacketsSent > 0);
            sender.Remove([a]);
            await Task.Delay(50);
            long aAfter = a.PacketsSent, bAfter = b.PacketsSent;

            await WaitUntilAsync(() => b.PacketsSent > bAfter + 10);
            Assert.Equal(aAfter, a.PacketsSent);
            Assert.Equal(1, sender.StreamCount);
        }
        finally
        {
            sender.Stop();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, "the sender did not send within 10 s");
            await Task.Delay(5);
        }
    }
}
