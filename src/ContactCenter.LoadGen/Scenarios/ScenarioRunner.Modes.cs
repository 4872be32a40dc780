using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Ours;

namespace ContactCenter.LoadGen.Scenarios;

internal sealed partial class ScenarioRunner
{
    /// <summary>
    /// With <c>--mode-changes N</c> (ours, whisper): one spare whisper call is set up while the scenario's calls are
    /// live and sending, then N <c>PUT /mode</c> alternate monitor and whisper on it, one after another. Each round
    /// trip includes the router applying the call's new edges (and the offers they cause).
    /// </summary>
    private async Task<ModeChangeLatency?> TimeModeChangesAsync(CancellationToken cancellationToken)
    {
        if (options.ModeChanges <= 0 || options.Scenario != "whisper" || target is not OursTarget ours)
        {
            return null;
        }

        var (room, members) = await SetUpRoomAsync(
            RoomWiring.Whisper, ["customer", "agent", "supervisor"], options.Count, track: false, cancellationToken);
        var samples = new List<double>(options.ModeChanges);
        for (int i = 0; i < options.ModeChanges; i++)
        {
            samples.Add(await ours.SetModeAsync(room, i % 2 == 0 ? "monitor" : "whisper", members, cancellationToken));
        }

        var latency = ModeChangeLatency.Of(samples);
        Console.Error.WriteLine($"ours: {latency.Count} mode changes on a spare call: median {latency.MedianMs:0.0} ms, p95 {latency.P95Ms:0.0} ms");
        return latency;
    }
}
