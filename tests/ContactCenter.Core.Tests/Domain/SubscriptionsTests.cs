using ContactCenter.Core.Domain;

namespace ContactCenter.Core.Tests.Domain;

public sealed class SubscriptionsTests
{
    [Fact]
    public void Without_NamedParticipant_DropsEveryEntryNamingIt()
    {
        var subscriptions = new Subscriptions("s", [new("a"), new("b", ["camera"]), new("a", ["microphone"])]);

        var trimmed = subscriptions.Without("a");

        Assert.Equal("s", trimmed.SessionId);
        Assert.Equal(["b"], trimmed.Participants.Select(p => p.ParticipantId));
    }

    [Fact]
    public void Without_LastNamedParticipant_IsNoneNotTheWholeSession()
    {
        var trimmed = new Subscriptions("s", [new("a")]).Without("a");

        Assert.Same(Subscriptions.None, trimmed);
        Assert.False(trimmed.IsWholeSession);
    }

    [Fact]
    public void Without_ParticipantNotNamed_ReturnsTheSameInstance()
    {
        var subscriptions = Subscriptions.WholeSession("s");

        Assert.Same(subscriptions, subscriptions.Without("a"));
    }
}
