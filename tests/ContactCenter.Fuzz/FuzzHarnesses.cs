using ContactCenter.Fuzz.Harnesses;

namespace ContactCenter.Fuzz;

/// <summary>The harnesses by name; the names are also the folders of <c>corpus/</c> and the arguments of fuzz.sh.</summary>
internal static class FuzzHarnesses
{
    private static readonly Dictionary<string, FuzzHarness> s_all = new(StringComparer.Ordinal)
    {
        ["stun"] = StunHarness.Run,
        ["rtp"] = RtpHarness.Run,
        ["rtcp"] = RtcpHarness.Run,
        ["srtp"] = SrtpHarness.Run,
        ["sdp"] = SdpHarness.Run,
        ["sip"] = SipHarness.Run,
        ["jsonrpc"] = JsonRpcHarness.Run,
        ["uui"] = UserToUserHarness.Run,
    };

    public static IEnumerable<string> Names => s_all.Keys;

    public static bool TryGet(string name, out FuzzHarness harness) => s_all.TryGetValue(name, out harness!);
}
