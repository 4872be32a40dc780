using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;

namespace ContactCenter.Core.Tests.Queue;

public sealed class SupervisorActionsTests
{
    private static readonly CallMember Agent = new("u-a", "A", "p-a");
    private static readonly CallMember Sue = new("u-s", "S", "p-s");

    private static LiveCallView Call(CallState state = CallState.Connected, CallMode mode = CallMode.FullyWired, CallMember[]? agents = null, CallMember[]? supervisors = null) =>
        new("c", "p-c", "C", "web-caller", state, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, mode, agents ?? [Agent], supervisors ?? [], [], null);

    [Theory]
    [InlineData(SupervisorAction.Monitor)]
    [InlineData(SupervisorAction.Whisper)]
    [InlineData(SupervisorAction.Barge)]
    [InlineData(SupervisorAction.TakeOver)]
    [InlineData(SupervisorAction.Consult)]
    public void WhyNot_ConnectedCallWithAgent_ModeAllowed(SupervisorAction action) =>
        Assert.Null(SupervisorActions.WhyNot(Call(), Sue.UserId, action));

    [Fact]
    public void WhyNot_WaitingCall_EverythingRefused() =>
        Assert.All(Enum.GetValues<SupervisorAction>(), a => Assert.NotNull(SupervisorActions.WhyNot(Call(CallState.Waiting), Sue.UserId, a, 1)));

    [Fact]
    public void WhyNot_LeaveWhenAbsent_Refused() =>
        Assert.Equal("You are not in this call.", SupervisorActions.WhyNot(Call(), Sue.UserId, SupervisorAction.Leave));

    [Fact]
    public void WhyNot_SameModeAgainWhilePresent_Refused() =>
        Assert.NotNull(SupervisorActions.WhyNot(Call(mode: CallMode.Monitor, supervisors: [Sue]), Sue.UserId, SupervisorAction.Monitor));

    [Fact]
    public void WhyNot_SameModeButAnotherSupervisorJoining_Allowed() =>
        Assert.Null(SupervisorActions.WhyNot(Call(mode: CallMode.Monitor, supervisors: [Sue]), "u-other", SupervisorAction.Monitor));

    [Theory]
    [InlineData(SupervisorAction.Monitor)]
    [InlineData(SupervisorAction.Whisper)]
    [InlineData(SupervisorAction.Barge)]
    [InlineData(SupervisorAction.Consult)]
    public void WhyNot_NoAgent_AgentModesRefused(SupervisorAction action) =>
        Assert.Equal("The call has no agent.", SupervisorActions.WhyNot(Call(agents: []), Sue.UserId, action));

    [Fact]
    public void WhyNot_GroupWhisperWithoutSelection_Refused()
    {
        Assert.NotNull(SupervisorActions.WhyNot(Call(), Sue.UserId, SupervisorAction.GroupWhisper, 0));
        Assert.Null(SupervisorActions.WhyNot(Call(), Sue.UserId, SupervisorAction.GroupWhisper, 1));
    }
}
