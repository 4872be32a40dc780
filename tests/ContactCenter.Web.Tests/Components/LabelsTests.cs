using ContactCenter.Core.CallModes;
using ContactCenter.Web.Components.Shared;

namespace ContactCenter.Web.Tests.Components;

public sealed class LabelsTests
{
    [Theory]
    [InlineData(CallMode.FullyWired, "Fully wired")]
    [InlineData(CallMode.TakeOver, "Take over")]
    [InlineData(CallMode.GroupWhisper, "Group whisper")]
    [InlineData(CallMode.Whisper, "Whisper")]
    public void Mode_EveryMode_WordsNotEnumName(CallMode mode, string text) => Assert.Equal(text, Labels.Mode(mode));

    [Theory]
    [InlineData("web-caller", "Web call")]
    [InlineData("phone", "Phone call")]
    [InlineData("sip-trunk-1", "Phone call")]
    [InlineData("customer", "Call")]
    [InlineData(null, "Call")]
    public void Channel_CustomerTag_Words(string? tag, string text) => Assert.Equal(text, Labels.Channel(tag));
}
