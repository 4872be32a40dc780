using ContactCenter.Core.CallModes;
using ContactCenter.Core.Queue;

namespace ContactCenter.Web.Tests.Components;

/// <summary>Call views for the component tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly CallMember Agent = new("u-agent", "Alice", "p-agent");
    public static readonly CallMember Agent2 = new("u-agent2", "Bob", "p-agent2");
    public static readonly CallMember Supervisor = new("u-sup", "Sue", "p-sup");

    public static LiveCallView Connected(CallMode mode = CallMode.FullyWired, CallMember[]? agents = null, CallMember[]? supervisors = null) => new(
        "call-1", "p-cust", "Carol", "web-caller", CallState.Connected, Now.AddMinutes(-3), Now.AddMinutes(-2), null, mode,
        agents ?? [Agent], supervisors ?? [], [], null);

    public static LiveCallView Waiting() => new(
        "call-1", "p-cust", "Carol", "web-caller", CallState.Waiting, Now.AddMinutes(-1), null, null, CallMode.FullyWired, [], [], [], 1);
}
