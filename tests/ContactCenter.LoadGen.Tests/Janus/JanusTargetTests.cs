using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Janus;

namespace ContactCenter.LoadGen.Tests.Janus;

public sealed class JanusTargetTests
{
    // Members are customer (0), agent (1), supervisor (2): the customer must never receive the supervisor.
    [Theory]
    [InlineData(0, new[] { 1 })]
    [InlineData(1, new[] { 0, 2 })]
    [InlineData(2, new[] { 0, 1 })]
    public void Sources_Whisper_FollowsCallModes(int member, int[] expected) =>
        Assert.Equal(expected, JanusTarget.Sources(RoomWiring.Whisper, member, 3));

    [Fact]
    public void Sources_Fanout_OnlySubscribersReceiveThePublisher()
    {
        Assert.Empty(JanusTarget.Sources(RoomWiring.Fanout, 0, 5));
        Assert.Equal([0], JanusTarget.Sources(RoomWiring.Fanout, 3, 5));
    }

    [Fact]
    public void Sources_FullyWired_EveryoneButSelf() =>
        Assert.Equal([0, 1, 3], JanusTarget.Sources(RoomWiring.FullyWired, 2, 4));
}
