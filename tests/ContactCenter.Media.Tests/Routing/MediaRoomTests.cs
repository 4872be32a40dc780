using System.Collections.Concurrent;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Routing;

namespace ContactCenter.Media.Tests.Routing;

/// <summary>Rooms: each session's routing lives in its own room, and no session waits for another.</summary>
public sealed class MediaRoomTests
{
    private readonly ConcurrentDictionary<string, FakeSubscribeConnection> _subscribes = new();
    private readonly SfuRouter _router;

    public MediaRoomTests()
    {
        _router = new SfuRouter((_, p) => _subscribes[p.Id] = new FakeSubscribeConnection());
    }

    [Fact]
    public void Apply_TwoSessions_EachGetsItsOwnRoom()
    {
        Call("s1");
        Call("s2");

        Assert.Equal(2, _router.RoomCount);
        Assert.NotSame(_router.RoomOfSession("s1"), _router.RoomOfSession("s2"));
        Assert.Equal("s1-a", Assert.Single(_router.Snapshot("s1")).PublisherId);
        Assert.Equal("s2-a", Assert.Single(_router.Snapshot("s2")).PublisherId);
    }

    [Fact]
    public void Apply_OtherSessionChanges_DoesNotRenegotiateOrTouchThisSession()
    {
        var (_, b) = Call("s1");
        var s1Track = _router.Find("s1-a")!.Tracks[0];
        var s1Targets = s1Track.Targets;
        int revision = b.SdpRevision;

        for (int i = 0; i < 20; i++)
        {
            Call("other" + i);
        }

        _router.Apply("other0", []);
        Assert.Same(s1Targets, s1Track.Targets); // nothing of s1 was rebuilt
        Assert.Equal(revision, b.SdpRevision);
    }

    [Fact]
    public async Task Apply_WhileAnotherRoomsLockIsHeld_CompletesWithoutWaiting()
    {
        Call("s1");
        var room = _router.RoomOfSession("s1")!;
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (room.Gate)
            {
                held.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        });
        holder.Start();
        Assert.True(held.Wait(TimeSpan.FromSeconds(30)));
        try
        {
            // A change in s1 must wait for its room...
            var blocked = Task.Run(() => _router.Apply("s1", []));

            // ...but a whole other call is set up, negotiated, forwards and is torn down meanwhile.
            var (a2, b2) = await Task.Run(() => Call("s2"));
            _router.ForwardRtp(a2, RouterHarness.Rtp(1001, 1, 111));
            Assert.Single(_subscribes["s2-b"].Rtp);
            await Task.Run(() => _router.Apply("s2", []));
            _router.ForwardRtp(a2, RouterHarness.Rtp(1001, 2, 111));
            Assert.Single(_subscribes["s2-b"].Rtp);
            _router.Leave(b2, "done");
            Assert.False(blocked.IsCompleted);
            release.Set();
            await blocked;
            Assert.Empty(_router.Snapshot("s1"));
        }
        finally
        {
            release.Set();
            holder.Join();
        }
    }

    [Fact]
    public async Task AcceptAnswer_WhileAnotherSessionsOfferIsBeingWritten_CompletesAndRoomStaysFree()
    {
        using var writing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var router = new SfuRouter((_, p) => p.SessionId == "slow"
            ? new BlockingConnection(writing, release)
            : _subscribes[p.Id] = new FakeSubscribeConnection());
        var signal = new RecordingSignal();
        var slowA = router.Join("slow-a", "slow", true, true, new RecordingSignal());
        router.Join("slow-b", "slow", true, true, new RecordingSignal());
        router.SetPublishedStreams(slowA, new RecordingEndpoint(),
            [new PublishedStream("0", "microphone", MediaKind.Audio, [1001], [RouterHarness.Opus], 0)]);
        var slowApply = Task.Run(() => router.Apply("slow", [new RouteEdge("slow-a", "*", "slow-b")]));
        Assert.True(writing.Wait(TimeSpan.FromSeconds(30))); // slow-b's negotiator is writing its SDP now
        try
        {
            // The slow room's own lock is free while its SDP is written (Snapshot takes it)...
            Assert.Single(router.Snapshot("slow"));

            // ...and another session sets up and forwards meanwhile.
            var a = router.Join("a", "fast", true, true, signal);
            var b = router.Join("b", "fast", true, true, signal);
            router.SetPublishedStreams(a, new RecordingEndpoint(),
                [new PublishedStream("0", "microphone", MediaKind.Audio, [1001], [RouterHarness.Opus], 0)]);
            router.Apply("fast", [new RouteEdge("a", "*", "b")]);
            router.AcceptAnswer(b, "answer", b.SdpRevision);
            router.ForwardRtp(a, RouterHarness.Rtp(1001, 1, 111));
            Assert.Single(_subscribes["b"].Rtp);
            Assert.False(slowApply.IsCompleted);
        }
        finally
        {
            release.Set();
        }

        await slowApply;
    }

    [Fact]
    public async Task Apply_ManySessionsOnTwoThreads_EachEndsWithItsOwnEdgesOnly()
    {
        var left = Task.Run(() => Churn("left", 200));
        var right = Task.Run(() => Churn("right", 200));
        await Task.WhenAll(left, right);

        for (int i = 0; i < 200; i += 2)
        {
            Assert.Single(_router.Snapshot("left" + i));
            Assert.Single(_router.Snapshot("right" + i));
        }

        Assert.Empty(_router.Snapshot("left1"));
    }

    [Fact]
    public void RemoveSession_LastMemberLeft_DropsTheRoom()
    {
        var (a, b) = Call("s1");

        _router.RemoveSession("s1");
        Assert.Equal(1, _router.RoomCount); // members are still connected
        _router.Leave(a, "done");
        _router.Leave(b, "done");

        Assert.Equal(0, _router.RoomCount);
    }

    [Fact]
    public void Apply_ParticipantJoinedWithoutSession_MovesIntoTheRoomThatNamesIt()
    {
        var signal = new RecordingSignal();
        var a = _router.Join("a", null, true, true, signal);
        var b = _router.Join("b", null, true, true, signal);
        _router.SetPublishedStreams(a, new RecordingEndpoint(),
            [new PublishedStream("0", "microphone", MediaKind.Audio, [1001], [RouterHarness.Opus], 0)]);

        _router.Apply("s1", [new RouteEdge("a", "*", "b")]);
        _router.AcceptAnswer(b, "answer", b.SdpRevision);
        _router.ForwardRtp(a, RouterHarness.Rtp(1001, 1, 111));

        Assert.Same(_router.RoomOfSession("s1"), a.Room);
        Assert.Single(_subscribes["b"].Rtp);
    }

    private void Churn(string prefix, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var (a, b) = Call(prefix + i);
            if (i % 2 == 1)
            {
                _router.RemoveSession(prefix + i);
                _router.Leave(a, "done");
                _router.Leave(b, "done");
            }
        }
    }

    /// <summary>A two-party call in <paramref name="session"/>: a publishes a microphone that b receives (answered).</summary>
    private (SfuParticipant A, SfuParticipant B) Call(string session)
    {
        var signal = new RecordingSignal();
        var a = _router.Join(session + "-a", session, true, true, signal);
        var b = _router.Join(session + "-b", session, true, true, signal);
        _router.SetPublishedStreams(a, new RecordingEndpoint(),
            [new PublishedStream("0", "microphone", MediaKind.Audio, [1001], [RouterHarness.Opus], 0)]);
        _router.Apply(session, [new RouteEdge(a.Id, "*", b.Id)]);
        _router.AcceptAnswer(b, "answer", b.SdpRevision);
        return (a, b);
    }

    /// <summary>A subscribe connection whose offer takes as long as the test wants.</summary>
    private sealed class BlockingConnection(ManualResetEventSlim writing, ManualResetEventSlim release) : RecordingEndpoint, ISubscribeConnection
    {
        public bool IsConnected => true;

        public string CreateOffer(IReadOnlyList<OutgoingLine> lines)
        {
            writing.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return "offer";
        }

        public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp) => [[RouterHarness.Opus]];

        public void Close(string reason)
        {
        }
    }
}
